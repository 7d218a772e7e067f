package io.tidings.core.dispatch;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Erasure;
import io.tidings.api.Medium;
import io.tidings.core.store.CommunicationRecord;
import io.tidings.core.store.IngestOutcome;
import io.tidings.core.store.OutboxRepository;
import io.tidings.core.store.ReminderChange;
import io.tidings.core.store.ReminderMark;

/**
 * The queue in memory, for the send path's unit tests: the status lifecycle of the JDBC outbox
 * (claims with leases, retries, waiting rows, final statuses) without a database.
 */
class InMemoryQueue implements OutboxRepository, CommunicationRecord {

    private record Row(Communication communication, Instant dueAt, Instant leaseUntil, Instant claimedAt) {
        Row(Communication communication, Instant dueAt, Instant leaseUntil) {
            this(communication, dueAt, leaseUntil, null);
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, BusinessEvent> events = new ConcurrentHashMap<>();
    /** Rows handed to their channel since their claim. */
    final java.util.Set<String> handedOver = ConcurrentHashMap.newKeySet();
    /** The most rows SENDING at once, as seen after each claim. */
    volatile int mostSending;
    /** How many provider reports each {@link #recordOutcomes} carried (calls without reports left out). */
    final List<Integer> reportBatches = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** While set and closed, {@link #recordOutcomes} waits for it (a slow commit). */
    volatile java.util.concurrent.CountDownLatch outcomesGate;
    /** What {@link #purge} was asked to remove before, in order. */
    final List<Instant> purges = new ArrayList<>();

    static BusinessEvent event(String id, Map<String, Object> data) {
        return new BusinessEvent(id, "order.status_changed", OffsetDateTime.now(), null, new EntityRef("order", "1"),
                data);
    }

    static Communication queued(String id, String eventId, Medium medium, String recipient, int attempts) {
        return new Communication(id, eventId, new EntityRef("order", "1"), null, "ready", null, medium, null,
                recipient, "uk", CommunicationStatus.QUEUED, null, attempts, null, Instant.now(), null, null, null,
                null);
    }

    synchronized void add(Communication c, BusinessEvent event, Instant dueAt) {
        rows.put(c.id(), new Row(c, dueAt, null));
        if (event != null) {
            events.put(event.id(), event);
        }
    }

    synchronized Communication get(String id) {
        return rows.get(id).communication();
    }

    synchronized Instant dueAt(String id) {
        return rows.get(id).dueAt();
    }

    private void set(String id, CommunicationStatus status, String reason, int attempts, Instant dueAt,
            Instant lease, String channel, String providerId) {
        Communication c = rows.get(id).communication();
        rows.put(id, new Row(new Communication(c.id(), c.eventId(), c.entity(), c.ruleKey(), c.templateKey(),
                c.templateVersion(), c.medium(), channel, c.recipient(), c.language(), status, reason, attempts,
                c.notBefore(), c.createdAt(), c.sentAt(), providerId, c.subject(), c.body()), dueAt, lease));
    }

    @Override
    public synchronized List<Communication> claimDue(Instant now, int limit, Instant leaseUntil) {
        List<Communication> claimed = new ArrayList<>();
        rows.values().stream()
                .filter(r -> (r.communication().status() == CommunicationStatus.QUEUED
                        || r.communication().status() == CommunicationStatus.SCHEDULED)
                        && r.dueAt() != null && !r.dueAt().isAfter(now))
                .sorted(Comparator.comparing(Row::dueAt)).limit(limit).toList().forEach(r -> {
                    Communication c = r.communication();
                    set(c.id(), CommunicationStatus.SENDING, c.statusReason(), c.attempts(), null, leaseUntil,
                            c.channel(), c.providerMessageId());
                    Row row = rows.get(c.id());
                    rows.put(c.id(), new Row(row.communication(), null, leaseUntil, now));
                    claimed.add(row.communication());
                });
        mostSending = Math.max(mostSending, count(CommunicationStatus.SENDING));
        return claimed;
    }

    synchronized int count(CommunicationStatus status) {
        return (int) rows.values().stream().filter(r -> r.communication().status() == status).count();
    }

    @Override
    public List<Boolean> recordOutcomes(List<Sent> sent, List<Retry> retries, List<ProviderReport> reports) {
        java.util.concurrent.CountDownLatch gate = outcomesGate;
        if (gate != null) {
            try {
                gate.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!reports.isEmpty()) {
            reportBatches.add(reports.size());
        }
        return OutboxRepository.super.recordOutcomes(sent, retries, reports);
    }

    @Override
    public synchronized void markSent(String id, String channel, String providerMessageId, int templateVersion,
            String language, String subject, String body, Instant sentAt) {
        Communication c = get(id);
        if (c.status() == CommunicationStatus.SENDING) {
            set(id, CommunicationStatus.SENT, null, c.attempts(), null, null, channel, providerMessageId);
        }
    }

    @Override
    public synchronized void markRetry(String id, String channel, String reason, Instant dueAt) {
        Communication c = get(id);
        set(id, CommunicationStatus.QUEUED, reason, c.attempts() + 1, dueAt, null, channel, c.providerMessageId());
    }

    @Override
    public synchronized void markWaiting(String id, String reason) {
        Communication c = get(id);
        set(id, CommunicationStatus.QUEUED, reason, c.attempts(), null, null, c.channel(), c.providerMessageId());
    }

    @Override
    public synchronized boolean markFinal(String id, CommunicationStatus status, String reason) {
        Row row = rows.get(id);
        if (row == null || row.communication().status().isFinal()) {
            return false;
        }
        Communication c = row.communication();
        set(id, status, reason, c.attempts(), null, null, c.channel(), c.providerMessageId());
        return true;
    }

    @Override
    public synchronized boolean cancel(String id, String reason) {
        Row row = rows.get(id);
        if (row == null || row.communication().status() != CommunicationStatus.QUEUED
                && row.communication().status() != CommunicationStatus.SCHEDULED) {
            return false;
        }
        return markFinal(id, CommunicationStatus.CANCELLED, reason);
    }

    @Override
    public synchronized boolean markByProviderId(String channel, String providerMessageId, CommunicationStatus status,
            String reason) {
        for (Row row : rows.values()) {
            Communication c = row.communication();
            if (channel.equals(c.channel()) && providerMessageId.equals(c.providerMessageId())
                    && c.status() == CommunicationStatus.SENT) {
                set(c.id(), status, reason, c.attempts(), null, null, channel, providerMessageId);
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized int wakeWaiting(Medium medium, Instant now) {
        int woken = 0;
        for (Row row : List.copyOf(rows.values())) {
            Communication c = row.communication();
            if (c.medium() == medium && c.status() == CommunicationStatus.QUEUED && row.dueAt() == null) {
                set(c.id(), c.status(), c.statusReason(), c.attempts(), now, null, c.channel(), c.providerMessageId());
                woken++;
            }
        }
        return woken;
    }

    @Override
    public synchronized int releaseExpiredLeases(Instant now) {
        return requeue(row -> row.leaseUntil() != null && !row.leaseUntil().isAfter(now), now);
    }

    @Override
    public synchronized int releaseOwnLeases(Instant now) {
        return requeue(row -> true, now); // one node
    }

    private int requeue(java.util.function.Predicate<Row> which, Instant now) {
        int released = 0;
        for (Row row : List.copyOf(rows.values())) {
            Communication c = row.communication();
            if (c.status() == CommunicationStatus.SENDING && which.test(row)) {
                set(c.id(), CommunicationStatus.QUEUED, handedOver.remove(c.id()) ? "outcome unknown" : "not handed over",
                        c.attempts() + 1, now, null, c.channel(), c.providerMessageId());
                released++;
            }
        }
        return released;
    }

    @Override
    public synchronized void markHandedOver(Collection<String> ids) {
        handedOver.addAll(ids);
    }

    @Override
    public synchronized int renewLeases(Instant until, Instant claimedSince) {
        int renewed = 0;
        for (Row row : List.copyOf(rows.values())) {
            if (row.communication().status() == CommunicationStatus.SENDING && row.claimedAt() != null
                    && !row.claimedAt().isBefore(claimedSince)) {
                rows.put(row.communication().id(), new Row(row.communication(), row.dueAt(), until, row.claimedAt()));
                renewed++;
            }
        }
        return renewed;
    }

    @Override
    public synchronized int releaseLeases(List<String> ids) {
        for (String id : ids) {
            Communication c = get(id);
            set(id, CommunicationStatus.QUEUED, c.statusReason(), c.attempts(), Instant.now(), null, c.channel(),
                    c.providerMessageId());
        }
        return ids.size();
    }

    @Override
    public Optional<BusinessEvent> event(String eventId) {
        return Optional.ofNullable(events.get(eventId));
    }

    @Override
    public Map<String, BusinessEvent> events(Collection<String> eventIds) {
        Map<String, BusinessEvent> found = new LinkedHashMap<>();
        eventIds.forEach(id -> event(id).ifPresent(e -> found.put(id, e)));
        return found;
    }

    @Override
    public synchronized int suppressExpiredReminders(Instant now) {
        return 0;
    }

    @Override
    public synchronized int purge(Instant before, int limit) {
        purges.add(before);
        return 0;
    }

    @Override
    public synchronized Optional<Communication> communication(String id) {
        return Optional.ofNullable(rows.get(id)).map(Row::communication);
    }

    // ---- not used by the send path

    @Override
    public IngestOutcome ingest(BusinessEvent event, List<Communication> communications,
            Map<String, ReminderMark> reminders, List<ReminderChange> changes) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<IngestOutcome> ingestAll(List<Planned> planned) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Communication> pendingReminders(String reminderKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<List<String>> communicationsOfEvent(String eventId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Communication> communications(CommunicationQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<CommunicationStatus, Long> countByStatus() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Long> sentByRule(Instant since) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized List<RecentSend> sentTo(java.util.Collection<String> recipients, Instant since) {
        return rows.values().stream().map(Row::communication)
                .filter(c -> recipients.contains(c.recipient()) && c.sentAt() != null && !c.sentAt().isBefore(since)
                        && (c.status() == CommunicationStatus.SENT || c.status() == CommunicationStatus.DELIVERED))
                .map(c -> new RecentSend(c.recipient(), c.ruleKey(), c.sentAt())).toList();
    }

    @Override
    public Erasure erase(String address) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized boolean retryNow(String id, String reason, Instant now) {
        Row row = rows.get(id);
        CommunicationStatus status = row == null ? null : row.communication().status();
        if (status != CommunicationStatus.FAILED && status != CommunicationStatus.QUEUED) {
            return false;
        }
        Communication c = row.communication();
        set(id, CommunicationStatus.QUEUED, reason, status == CommunicationStatus.FAILED ? 0 : c.attempts(), now, null,
                c.channel(), c.providerMessageId());
        return true;
    }

    @Override
    public synchronized int retryFailed(String channel, String ruleKey, Instant failedFrom, Instant failedTo,
            String reason, Instant now) {
        int queued = 0;
        for (Row row : List.copyOf(rows.values())) {
            Communication c = row.communication();
            if (c.status() == CommunicationStatus.FAILED && (channel == null || channel.equals(c.channel()))
                    && (ruleKey == null || ruleKey.equals(c.ruleKey())) && retryNow(c.id(), reason, now)) {
                queued++;
            }
        }
        return queued;
    }

    @Override
    public synchronized boolean resend(String id, String newId, String reason, Instant now) {
        Row row = rows.get(id);
        if (row == null || !java.util.EnumSet.of(CommunicationStatus.SENT, CommunicationStatus.DELIVERED,
                CommunicationStatus.FAILED).contains(row.communication().status())) {
            return false;
        }
        Communication c = row.communication();
        rows.put(newId, new Row(new Communication(newId, c.eventId(), c.entity(), c.ruleKey(), c.templateKey(),
                c.templateVersion(), c.medium(), null, c.recipient(), c.language(), CommunicationStatus.QUEUED, reason,
                0, now, now, null, null, null, null), now, null));
        return true;
    }

    @Override
    public synchronized Optional<Instant> oldestDue(Instant now) {
        return rows.values().stream().filter(r -> r.communication().status() == CommunicationStatus.QUEUED
                || r.communication().status() == CommunicationStatus.SCHEDULED)
                .map(r -> r.dueAt() != null ? r.dueAt() : r.communication().notBefore())
                .filter(at -> at != null && !at.isAfter(now)).min(Instant::compareTo);
    }

    @Override
    public synchronized Optional<Communication> byProviderId(String channel, String providerMessageId) {
        return rows.values().stream().map(Row::communication).filter(c -> channel.equals(c.channel())
                && providerMessageId.equals(c.providerMessageId())).reduce((first, second) -> second);
    }
}
