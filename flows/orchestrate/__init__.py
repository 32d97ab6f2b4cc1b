"""Running the stages: the Prefect flow, schedules, the local Prefect server, workers and run artifacts."""
