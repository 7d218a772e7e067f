package io.tidings.api.log;

/** A logged communication is a DRAFT while it may still change, COMPLETED once it happened. */
public enum EntryState {
    DRAFT, COMPLETED
}
