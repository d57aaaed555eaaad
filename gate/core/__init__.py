"""The decision core: an event, its checks, the policy and the decision record. Imports no Kafka client."""
