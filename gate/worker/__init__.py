"""What a streaming worker process does with one record: build the pipeline, publish, derive, store."""
