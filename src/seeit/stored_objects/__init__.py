"""What the service writes to storage is always known to the database: an object is recorded as pending before
it is written and settled in the transaction that records the row holding it; the sweeper deletes those whose
writer never got that far (killed, or its transaction failed)."""
