package io.tidings.template.velocity.sandbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.velocity.runtime.directive.ForeachScope;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

/**
 * What a template's loops, method calls and map assignments cost, checked against the rendering's
 * budget ({@link RenderBudget}): each loop step is counted, a method whose result would grow a
 * value past the limits is refused before it runs, and no list or map is put into itself.
 */
final class BudgetedMembers {

    private BudgetedMembers() {
    }

    private static RenderBudget budget() {
        RenderBudget budget = RenderBudget.current();
        // outside a rendering (a test of the uberspector alone) the default limits still apply
        return budget != null ? budget : RenderBudget.start(RenderBudget.Limits.DEFAULT, null);
    }

    /** A loop over a collection: each step is counted against the rendering's iterations and deadline. */
    static final class BudgetedIterator implements Iterator<Object> {
        private final Iterator<?> delegate;
        private final Info info;
        private final RenderBudget budget = budget();

        BudgetedIterator(Iterator<?> delegate, Info info) {
            this.delegate = delegate;
            this.info = info;
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }

        @Override
        public Object next() {
            budget.countIteration(info);
            return delegate.next();
        }
    }

    /** A method call checked against the budget before it runs and on what it made. */
    static final class BudgetedMethod implements VelMethod {
        private final VelMethod delegate;
        private final Info info;

        BudgetedMethod(VelMethod delegate, Info info) {
            this.delegate = delegate;
            this.info = info;
        }

        @Override
        public Object invoke(Object target, Object[] params) throws IllegalAccessException, InvocationTargetException {
            RenderBudget budget = budget();
            budget.checkDeadline(info);
            String name = delegate.getMethodName();
            if (target instanceof String s) {
                long estimate = StringGrowth.estimate(s, name, params);
                if (estimate > s.length()) {
                    budget.checkLength(estimate, "a string with " + name + "()", info);
                }
            } else if (target instanceof BigInteger || target instanceof BigDecimal) {
                refuseHugeNumberArguments(name, params, info);
            } else if (target instanceof Collection || target instanceof Map) {
                refuseSelfContaining(target, name, params, budget, info);
                if (params != null && params.length > 0 && params[params.length - 1] instanceof Collection<?> c
                        && name.startsWith("addAll")) {
                    budget.checkSize((long) size(target) + c.size(), "a collection with " + name + "()", info);
                } else if (params != null && params.length == 1 && params[0] instanceof Map<?, ?> m
                        && name.equals("putAll")) {
                    budget.checkSize((long) size(target) + m.size(), "a map with " + name + "()", info);
                }
            }
            // what a method returns or leaves no larger than it found is no new risk (a view, a copy
            // of event data): only growth is bounded, so a large list from the event keeps its size()
            long before = target instanceof String s ? s.length()
                    : target instanceof Collection || target instanceof Map ? size(target) : 0;
            Object result = target instanceof String s && DeadlineRegex.handles(name, params)
                    ? DeadlineRegex.invoke(s, name, params, budget, info)
                    : delegate.invoke(target, params);
            if (result instanceof BigDecimal d && (d.precision() > MAX_NUMBER_ARGUMENT
                    || Math.abs((long) d.scale()) > MAX_NUMBER_ARGUMENT)
                    || result instanceof BigInteger i && i.bitLength() > MAX_NUMBER_ARGUMENT * 3.33) {
                throw SandboxUberspector.violation(name + "() made a number of more than " + MAX_NUMBER_ARGUMENT + " digits", info);
            }
            if (result instanceof CharSequence text && text.length() > before) {
                budget.checkLength(text.length(), "a string with " + name + "()", info);
            } else if ((result instanceof Collection || result instanceof Map) && size(result) > before) {
                budget.checkSize(size(result), "a collection with " + name + "()", info);
            }
            if ((target instanceof Collection || target instanceof Map) && size(target) > before) {
                budget.checkSize(size(target), "a collection with " + name + "()", info);
            }
            return result;
        }

        @Override
        public boolean isCacheable() {
            return delegate.isCacheable();
        }

        @Override
        public String getMethodName() {
            return delegate.getMethodName();
        }

        @Override
        public Method getMethod() {
            return delegate.getMethod();
        }

        @Override
        public Class<?> getReturnType() {
            return delegate.getReturnType();
        }
    }

    /** {@code #set($map.key = value)}: the value must not be the map or contain it. */
    static final class BudgetedSet implements VelPropertySet {
        private final VelPropertySet delegate;
        private final Info info;

        BudgetedSet(VelPropertySet delegate, Info info) {
            this.delegate = delegate;
            this.info = info;
        }

        @Override
        public Object invoke(Object target, Object arg) throws Exception {
            RenderBudget budget = budget();
            refuseSelfContaining(target, "put", new Object[] {arg}, budget, info);
            Object result = delegate.invoke(target, arg);
            budget.checkSize(size(target), "a map", info);
            return result;
        }

        @Override
        public boolean isCacheable() {
            return delegate.isCacheable();
        }

        @Override
        public String getMethodName() {
            return delegate.getMethodName();
        }
    }

    /** Exponents, shifts and scales that make a number of millions of digits (or take minutes to). */
    private static final int MAX_NUMBER_ARGUMENT = 1000;

    private static final Set<String> SCALING_METHODS = Set.of("pow", "shiftLeft", "shiftRight", "setScale",
            "scaleByPowerOfTen", "movePointLeft", "movePointRight", "setBit", "flipBit", "clearBit");

    private static void refuseHugeNumberArguments(String name, Object[] params, Info info) {
        if (params == null || !SCALING_METHODS.contains(name)) {
            return;
        }
        for (Object param : params) {
            if (param instanceof Number n && Math.abs(n.doubleValue()) > MAX_NUMBER_ARGUMENT) {
                throw SandboxUberspector.violation(name + "() with " + n + " is not available in templates: exponents, shifts and "
                        + "scales are limited to " + MAX_NUMBER_ARGUMENT, info);
            }
        }
    }

    private static int size(Object collectionOrMap) {
        return collectionOrMap instanceof Collection<?> c ? c.size() : ((Map<?, ?>) collectionOrMap).size();
    }

    /**
     * Refuses to put a collection into itself, directly or through the collections it holds: one
     * such value makes printing, hashing or comparing it recurse without end.
     */
    private static void refuseSelfContaining(Object target, String name, Object[] params, RenderBudget budget,
            Info info) {
        if (params == null) {
            return;
        }
        for (Object param : params) {
            if (!(param instanceof Collection || param instanceof Map)) {
                continue;
            }
            // addAll and putAll put in the items of their argument, not the argument itself
            boolean itemsGoIn = name.equals("addAll") || name.equals("putAll");
            if (itemsGoIn ? anyItemReaches(param, target, budget, info) : reaches(param, target, budget, info)) {
                throw SandboxUberspector.violation("a list or map cannot be put into itself", info);
            }
        }
    }

    private static boolean anyItemReaches(Object collectionOrMap, Object target, RenderBudget budget, Info info) {
        for (Object item : items(collectionOrMap)) {
            if ((item instanceof Collection || item instanceof Map) && reaches(item, target, budget, info)) {
                return true;
            }
        }
        return false;
    }

    private static Iterable<?> items(Object collectionOrMap) {
        return collectionOrMap instanceof Map<?, ?> m ? concat(m.keySet(), m.values()) : (Collection<?>) collectionOrMap;
    }

    private static boolean reaches(Object from, Object target, RenderBudget budget, Info info) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(from);
        long visited = 0;
        while (!todo.isEmpty()) {
            Object next = todo.pop();
            if (next == target) {
                return true;
            }
            if (!seen.add(next)) {
                continue;
            }
            for (Object item : items(next)) {
                budget.checkSize(++visited, "a nesting of collections", info);
                if (item instanceof Collection || item instanceof Map) {
                    todo.push(item);
                }
            }
        }
        return false;
    }

    private static Iterable<?> concat(Collection<?> a, Collection<?> b) {
        List<Object> both = new java.util.ArrayList<>(a.size() + b.size());
        both.addAll(a);
        both.addAll(b);
        return both;
    }
}
