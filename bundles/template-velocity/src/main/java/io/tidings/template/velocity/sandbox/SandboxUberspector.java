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
            return new BudgetedMembers.BudgetedIterator(super.getIterator(obj, info), info);
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
        return new BudgetedMembers.BudgetedMethod(method, info);
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
            return setter == null ? null : new BudgetedMembers.BudgetedSet(setter, info);
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

    static String describe(Object obj) {
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

    static SandboxViolation violation(String message, Info info) {
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
}
