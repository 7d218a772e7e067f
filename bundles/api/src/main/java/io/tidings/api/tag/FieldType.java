package io.tidings.api.tag;

/** The kind of value a tag holds, which decides how it is formatted for a locale. */
public enum FieldType {
    TEXT, NUMBER, MONEY, DATE, DATE_TIME, BOOLEAN, LIST
}
