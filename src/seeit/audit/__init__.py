"""The audit trail of merchant actions: who (the session token's ``sub``), what, on which subject, when."""
