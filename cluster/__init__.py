"""`make cluster-test`: Maillage on several machines, started for real and checked
(see cluster/run.py and docs/deployment.md, "Several app servers")."""
