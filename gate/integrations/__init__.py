"""Optional bridges from the decision core to other stream processors; each needs its own extra.

`gate.integrations.faust` (`pip install 'gate[faust]'`) adds the gate as an agent of an existing faust app,
at-least-once. The supported hot path stays `gate run` (gate.runner): nothing in gate imports these modules.
"""
