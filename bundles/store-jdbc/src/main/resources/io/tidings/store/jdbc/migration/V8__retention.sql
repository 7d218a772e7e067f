-- Tidings schema, version 8: events are purged by age once the retention period has passed
CREATE INDEX tidings_event_received ON tidings_event (received_at);
