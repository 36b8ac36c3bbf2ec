-- Labels of the patient's genetic alterations (e.g. "KMT2A t(9;11)"), for grouping statistics by an alteration.
ALTER TABLE patient_facts ADD COLUMN genetic_alterations JSONB NOT NULL DEFAULT '[]';
