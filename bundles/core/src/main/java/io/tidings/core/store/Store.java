package io.tidings.core.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Every repository of the store in one type, while the engine's parts move to the repository each
 * needs; removed once nothing uses it.
 */
@ProviderType
public interface Store extends OutboxRepository, CommunicationRecord, TemplateRepository, RuleRepository,
        LocationRepository, ConsentRepository, EngagementRepository, ExternalOutboxRepository, SettingsRepository {
}
