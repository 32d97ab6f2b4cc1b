"""What users take away from the database: Parquet/CSV exports and the offline HTML report."""
