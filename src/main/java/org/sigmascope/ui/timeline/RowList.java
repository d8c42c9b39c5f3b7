package org.sigmascope.ui.timeline;

import javafx.collections.ObservableListBase;

/**
 * The items of the timeline's table: {@link RowRef}s, made on demand, as many as the query's result has rows. It
 * only ever grows (while an import adds events to the result); a new query makes a new list. {@code indexOf} is
 * answered from the reference itself, since the table asks for it on changes and would otherwise walk the list.
 */
public final class RowList extends ObservableListBase<RowRef> {
    private final long id;
    private int size;

    public RowList(long id, int size) {
        this.id = id;
        this.size = size;
    }

    public long id() {
        return id;
    }

    @Override
    public RowRef get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return new RowRef(id, index);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int indexOf(Object o) {
        return o instanceof RowRef ref && ref.list() == id && ref.index() < size ? ref.index() : -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        return indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    /**
     * Lists are the same only if they are one result: two empty results of two queries are not equal, or a
     * property holding one would not tell its listeners that the other replaced it.
     */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    /** Grows the list to {@code newSize} rows (smaller sizes are ignored: results shrink through a new list). */
    public void growTo(int newSize) {
        if (newSize <= size) {
            return;
        }
        int old = size;
        size = newSize;
        beginChange();
        nextAdd(old, newSize);
        endChange();
    }
}
