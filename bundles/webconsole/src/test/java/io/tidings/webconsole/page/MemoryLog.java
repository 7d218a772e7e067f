package io.tidings.webconsole.page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.tidings.api.ValidationException;
import io.tidings.api.log.CommunicationCategory;
import io.tidings.api.log.CommunicationLog;
import io.tidings.api.log.EntryState;
import io.tidings.api.log.FeedItem;
import io.tidings.api.log.FeedQuery;
import io.tidings.api.log.FollowUp;
import io.tidings.api.log.LoggedCommunication;

/**
 * The communication log in memory, with the log's rules the pages meet: validation, the same id
 * recorded once, only a DRAFT changes, categories known, drafts not in the feed, newest first.
 */
final class MemoryLog implements CommunicationLog {

    final Map<String, LoggedCommunication> logged = new LinkedHashMap<>();
    final Map<String, FollowUp> followUps = new LinkedHashMap<>();
    final Map<String, CommunicationCategory> categories = new TreeMap<>();
    /** The drafts sent with {@code send}. */
    final List<String> sent = new ArrayList<>();

    private void validate(LoggedCommunication c) {
        c.validate();
        if (c.category() != null && !categories.containsKey(c.category())) {
            throw new ValidationException("category", "is not one of the categories: '" + c.category() + "'");
        }
    }

    @Override
    public Recorded record(LoggedCommunication communication) {
        validate(communication);
        LoggedCommunication before = logged.get(communication.id());
        if (before != null) {
            return new Recorded(before, false);
        }
        logged.put(communication.id(), communication);
        return new Recorded(communication, true);
    }

    @Override
    public Optional<LoggedCommunication> update(String id, LoggedCommunication changes, boolean send) {
        LoggedCommunication old = logged.get(id);
        if (old == null) {
            return Optional.empty();
        }
        if (old.state() != EntryState.DRAFT) {
            throw new ValidationException("state", "the communication is COMPLETED and can no longer change");
        }
        LoggedCommunication next = changes.withId(id);
        if (next.state() == EntryState.COMPLETED && next.occurredAt() == null) {
            next = next.withOccurredAt(Instant.now());
        }
        validate(next);
        if (send) {
            next = next.withSentAs("sent-" + id);
            sent.add(id);
        }
        logged.put(id, next);
        return Optional.of(next);
    }

    @Override
    public Optional<LoggedCommunication> find(String id) {
        return Optional.ofNullable(logged.get(id));
    }

    @Override
    public List<CommunicationCategory> categories() {
        return List.copyOf(categories.values());
    }

    @Override
    public CommunicationCategory saveCategory(CommunicationCategory category) {
        category.validate();
        categories.put(category.key(), category);
        return category;
    }

    @Override
    public boolean removeCategory(String key) {
        return categories.remove(key) != null;
    }

    @Override
    public FollowUp followUp(String communicationId, Instant dueAt, String owner, String note) {
        if (!logged.containsKey(communicationId)) {
            throw new ValidationException("communicationId", "no communication '" + communicationId + "'");
        }
        if (dueAt == null) {
            throw new ValidationException("dueAt", "is required");
        }
        FollowUp f = new FollowUp(communicationId, dueAt, owner, note, null, null);
        followUps.put(communicationId, f);
        return f;
    }

    @Override
    public Optional<FollowUp> followUpOf(String communicationId) {
        return Optional.ofNullable(followUps.get(communicationId));
    }

    @Override
    public List<FollowUp> followUps(String owner, Instant dueBefore, int limit) {
        return followUps.values().stream().filter(FollowUp::open)
                .filter(f -> owner == null || owner.equals(f.owner()))
                .filter(f -> dueBefore == null || f.dueAt().isBefore(dueBefore))
                .sorted(Comparator.comparing(FollowUp::dueAt)).limit(limit).toList();
    }

    @Override
    public Optional<FollowUp> completeFollowUp(String communicationId, LoggedCommunication outcome) {
        FollowUp open = followUps.get(communicationId);
        if (open == null || !open.open()) {
            return Optional.empty();
        }
        LoggedCommunication followed = logged.get(communicationId);
        LoggedCommunication done = new LoggedCommunication(outcome.id(), LoggedCommunication.MANUAL, outcome.medium(),
                outcome.direction(), EntryState.COMPLETED, outcome.contact().isEmpty() ? followed.contact()
                        : outcome.contact(), outcome.entity() != null ? outcome.entity() : followed.entity(),
                outcome.category(), outcome.subject(), outcome.notes(),
                outcome.occurredAt() == null ? Instant.now() : outcome.occurredAt(), communicationId,
                outcome.related(), outcome.owner(), null, null, null, null);
        validate(done);
        logged.put(done.id(), done);
        FollowUp closed = new FollowUp(communicationId, open.dueAt(), open.owner(), open.note(), Instant.now(),
                done.id());
        followUps.put(communicationId, closed);
        return Optional.of(closed);
    }

    @Override
    public List<FeedItem> feed(FeedQuery query) {
        query.validate();
        return logged.values().stream().filter(c -> c.state() == EntryState.COMPLETED)
                .filter(c -> query.contactId() != null ? query.contactId().equals(c.contactId())
                        : c.entity() != null && c.entity().type().equals(query.entityType())
                                && c.entity().id().equals(query.entityId()))
                .sorted(Comparator.comparing(LoggedCommunication::occurredAt).reversed())
                .skip(query.offset()).limit(query.limit())
                .map(c -> new FeedItem(c.kind(), c.id(), c.occurredAt(), c.medium(), c.direction(), c.state().name(),
                        c.contactId(), c.address(), c.entity(), c.category(), c.subject(), c.notes(), c.owner(),
                        c.followUpOf()))
                .toList();
    }
}
