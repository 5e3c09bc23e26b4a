-- 007: street crimes counted per LSOA and category, kept beside each street
-- force-month by the import (index/crimecounts.h), so a table of counts for
-- the whole country needs no decoding of every crime.  NULL for months
-- imported before: they are counted from their rows when asked.
ALTER TABLE force_months ADD COLUMN counts BLOB;
