-- Always, also after an error: nothing an explain ran is kept.
ROLLBACK
