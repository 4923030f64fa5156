-- Schema 28: whose experts an expert-day cost line pays (issue 14, "per expert-day (Moroccan / European fees, travel)").
--   moroccan   Moroccan experts (e.g. ENSP Rabat's teachers)
--   european   European experts (e.g. Institut Léonard de Vinci's), whose fees usually include their travel
-- Meaningful only for a line whose unit is expert_day: the application asks for it on such a line and refuses it on any
-- other (database.rules.TrainingRules.costLine). Lines written before V28 keep NULL, read and shown as "not stated";
-- reporting.training.TrainingFigures.expertDays counts them apart.
ALTER TABLE training_cost ADD COLUMN expert_origin TEXT CHECK (expert_origin IS NULL OR expert_origin IN ('moroccan', 'european'));
