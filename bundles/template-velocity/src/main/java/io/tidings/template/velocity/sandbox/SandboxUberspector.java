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
 * Velocity introspection by whitelist: templates may only use maps, collections, strings, numbers,
 * booleans, date-time values, the loop state of {@code #foreach} and our own {@link TemplateObject}s,
 * and only through the methods of those types' public API. Everything else (any other class, arrays,
 * {@code getClass()}, {@code $x.class}) is a {@link SandboxViolation}, so no template reaches
 * {@code Class}, {@code ClassLoader}, reflection, threads, processes or files. Static methods are
 * refused too ({@code $b.getBoolean("x")} on a Boolean would read a system property).
 * <p>
 * Every loop step and method call is charged to the {@link RenderBudget} of the rendering: loops
 * count against its iterations and deadline, a method that would make a string or collection
 * larger than the budget allows is refused before it runs, and a collection is never put into
 * itself (its {@code toString}, {@code hashCode} and {@code equals} would recurse until the stack
 * overflows).
 * <p>
 * Velocity instantiates this class by name (TCCL set to this bundle's class loader during init).
 */
public class SandboxUberspector extends UberspectImpl {

    /** Exact classes whose own public methods are allowed (final or value-like). */
    private static final Set<Class<?>> VALUE_TYPES = Set.of(String.class, Boolean.class, Character.class,
            Byte.class, Short.class, Integer.class, Long.class, Float.class, Double.class, BigDecimal.class,
            BigInteger.class, LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetDateTime.class,
            ZonedDateTime.class, Instant.class, Duration.class);

    /** Interfaces through which other objects may be used, most specific first. */
    private static final List<Class<?>> INTERFACE_TYPES = List.of(Map.Entry.class, Map.class, List.class, Set.class,
            Collection.class);

    /** Methods that lead out of the data: the class, monitors, constant descriptors (MethodHandles). */
    private static final Set<String> FORBIDDEN_METHODS = Set.of("getClass", "wait", "notify", "notifyAll",
            "describeConstable", "resolveConstantDesc", "getDeclaringClass", "forName", "newInstance",
            "getClassLoader");

    /**
     * String methods whose output size follows from a format, not from the sizes of their inputs
     * ({@code "%0999999999d".formatted(1)}): there is nothing to check before they run.
     */
    private static final Set<String> UNBOUNDED_METHODS = Set.of("formatted");

    /** The loop state ({@code $foreach.count}); its other members (parent scopes, template info) are not data. */
    private static final Set<String> FOREACH_PROPERTIES = Set.of("index", "count", "hasNext", "first", "last");
    private static final Set<String> FOREACH_METHODS = Set.of("getIndex", "getCount", "hasNext", "getHasNext",
            "isFirst", "getFirst", "isLast", "getLast");

    @Override
    public Iterator getIterator(Object obj, Info info) {
        if (obj instanceof Collection || obj instanceof Map) {
            return new BudgetedIterator(super.getIterator(obj, info), info);
        }
        throw violation("#foreach cannot iterate over " + describe(obj), info);
    }

    @Override
    public VelMethod getMethod(Object obj, String methodName, Object[] args, Info info) {
        if (obj == null) {
            return null;
        }
        if (FORBIDDEN_METHODS.contains(methodName)) {
            throw violation("the method " + methodName + "() is not available in templates", info);
        }
        if (obj instanceof ForeachScope) {
            if (!FOREACH_METHODS.contains(methodName)) {
                throw violation("$foreach has no method " + methodName + "()", info);
            }
            return super.getMethod(obj, methodName, args, info);
        }
        Class<?> api = apiType(obj);
        if (api == null) {
            throw violation("methods cannot be called on " + describe(obj), info);
        }
        VelMethod method = super.getMethod(obj, methodName, args, info);
        if (method == null) {
            return null;
        }
        Method m = method.getMethod();
        if (m != null && Modifier.isStatic(m.getModifiers())) {
            throw violation("the static method " + methodName + "() is not available in templates: "
                    + "call methods on the value itself", info);
        }
        if (m == null || !allowed(api, m.getName(), m.getParameterTypes())) {
            throw violation("the method " + methodName + "() is not available in templates", info);
        }
        if (UNBOUNDED_METHODS.contains(methodName) && obj instanceof String) {
            throw violation("the method " + methodName + "() is not available in templates: its output has no bound",
                    info);
        }
        return new BudgetedMethod(method, info);
    }

    @Override
    public VelPropertyGet getPropertyGet(Object obj, String identifier, Info info) {
        if (obj == null) {
            return null;
        }
        if ("class".equals(identifier) || FORBIDDEN_METHODS.contains(identifier)) {
            throw violation("'" + identifier + "' is not available in templates", info);
        }
        if (obj instanceof TemplateObject value) {
            return new TemplateObjectGet(value, identifier);
        }
        if (obj instanceof ForeachScope) {
            return FOREACH_PROPERTIES.contains(identifier) ? super.getPropertyGet(obj, identifier, info) : null;
        }
        Class<?> api = apiType(obj);
        if (api == null) {
            throw violation("properties cannot be read from " + describe(obj), info);
        }
        VelPropertyGet getter = super.getPropertyGet(obj, identifier, info);
        if (getter == null) {
            return null;
        }
        String name = getter.getMethodName();
        if (name == null || FORBIDDEN_METHODS.contains(name) || !hasMethodNamed(api, name)) {
            throw violation("'" + identifier + "' is not available in templates", info);
        }
        return getter;
    }

    @Override
    public VelPropertySet getPropertySet(Object obj, String identifier, Object arg, Info info) {
        if (obj instanceof Map && !(obj instanceof ForeachScope)) {
            VelPropertySet setter = super.getPropertySet(obj, identifier, arg, info);
            return setter == null ? null : new BudgetedSet(setter, info);
        }
        throw violation("'" + identifier + "' cannot be set on " + describe(obj), info);
    }

    /** Whether a method or property name is refused on every object ({@code getClass}, {@code class}). */
    public static boolean isForbiddenMember(String name) {
        return "class".equals(name) || FORBIDDEN_METHODS.contains(name);
    }

    /** The type whose public API a template may use on this object, or null. */
    static Class<?> apiType(Object obj) {
        Class<?> type = obj.getClass();
        if (VALUE_TYPES.contains(type)) {
            return type;
        }
        if (type.isArray() || obj instanceof TemplateObject) {
            return null;
        }
        for (Class<?> api : INTERFACE_TYPES) {
            if (api.isInstance(obj)) {
                return api;
            }
        }
        return null;
    }

    private static boolean allowed(Class<?> api, String name, Class<?>[] parameters) {
        if (FORBIDDEN_METHODS.contains(name)) {
            return false;
        }
        try {
            Method declared = api.getMethod(name, parameters);
            return !isDangerous(declared.getReturnType());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean hasMethodNamed(Class<?> api, String name) {
        return Arrays.stream(api.getMethods()).anyMatch(m -> m.getName().equals(name)
                && !Modifier.isStatic(m.getModifiers()) && !isDangerous(m.getReturnType()));
    }

    private static boolean isDangerous(Class<?> type) {
        return type == Class.class || ClassLoader.class.isAssignableFrom(type) || Thread.class.isAssignableFrom(type)
                || type.getName().startsWith("java.lang.reflect.") || type.getName().startsWith("java.lang.invoke.");
    }

    private static String describe(Object obj) {
        if (obj == null) {
            return "null";
        }
        if (obj instanceof TemplateObject) {
            return "an entity";
        }
        if (obj instanceof ForeachScope) {
            return "$foreach";
        }
        return "a value of type " + obj.getClass().getSimpleName();
    }

    private static SandboxViolation violation(String message, Info info) {
        return new SandboxViolation(message, info == null ? 0 : info.getLine(), info == null ? 0 : info.getColumn());
    }

    /** Reads a property of a {@link TemplateObject}; never anything reflective. */
    private record TemplateObjectGet(TemplateObject target, String name) implements VelPropertyGet {

        @Override
        public Object invoke(Object o) {
            return ((TemplateObject) o).property(name);
        }

        @Override
        public boolean isCacheable() {
            return false;
        }

        @Override
        public String getMethodName() {
            return name;
        }
    }

    private static RenderBudget budget() {
        RenderBudget budget = RenderBudget.current();
        // outside a rendering (a test of the uberspector alone) the default limits still apply
        return budget != null ? budget : RenderBudget.start(RenderBudget.Limits.DEFAULT, null);
    }

    /** A loop over a collection: each step is counted against the rendering's iterations and deadline. */
    private static final class BudgetedIterator implements Iterator<Object> {
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
    private static final class BudgetedMethod implements VelMethod {
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
                throw violation(name + "() made a number of more than " + MAX_NUMBER_ARGUMENT + " digits", info);
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
    private static final class BudgetedSet implements VelPropertySet {
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
                throw violation(name + "() with " + n + " is not available in templates: exponents, shifts and "
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
                throw violation("a list or map cannot be put into itself", info);
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
