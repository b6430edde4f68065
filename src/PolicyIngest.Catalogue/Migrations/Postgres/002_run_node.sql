-- Issue #20: clustered schedulers. Several nodes run one catalogue's pipelines; the run record says which one ran it:
-- the scheduler's Quartz instance id, or host-pid of a CLI run (PipelineRunner.Node). Runs recorded before: NULL.
ALTER TABLE fetch_run ADD COLUMN node text COLLATE "C";
