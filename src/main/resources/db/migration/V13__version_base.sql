-- gov-upload lane (issue 22, point 4): the version an uploaded workbook was downloaded from (its document property),
-- after any rebase the active version it was stored on; an approval of a version whose base is no longer active is
-- refused (StaleBase). Null for versions stored before.
ALTER TABLE rule_set_version ADD COLUMN base_seq INTEGER;
