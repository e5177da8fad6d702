-- gov-upload lane (issue 22, point 5): what a version's tables and test cases showed at upload (gaps, coverage per
-- sheet, test cases removed, expectations changed, the notices an approver reads), as JSON. Null for older versions.
ALTER TABLE rule_set_version ADD COLUMN analysis TEXT;
