package org.openkiosk.app;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Package-to-package edges that lie on a dependency cycle, one violation per edge, for {@link com.tngtech.archunit.library.freeze.FreezingArchRule}. ArchUnit's own {@code beFreeOfCycles()}
 * describes a cycle by sample class dependencies that change with every edit and by a capped, order-dependent list
 * of cycles, so a frozen store of it fails on harmless changes; an edge between two packages is stable: it is new
 * only when a package starts depending on one it did not depend on, inside or into a cycle.
 */
final class PackageCycles extends ArchCondition<JavaClass> {

    private final String root;
    private final Map<String, Set<String>> edges = new TreeMap<>();

    /** Each package under {@code root} (the root package itself included) is a node. */
    PackageCycles(String root) {
        super("be free of cycles between the packages under " + root);
        this.root = root;
    }

    @Override
    public void check(JavaClass item, ConditionEvents events) {
        String from = item.getPackageName();
        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
            String to = dependency.getTargetClass().getBaseComponentType().getPackageName();
            if (!from.equals(to) && inScope(from) && inScope(to)) {
                edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
            }
        }
    }

    @Override
    public void finish(ConditionEvents events) {
        for (Set<String> component : stronglyConnected()) {
            for (String from : component) {
                for (String to : edges.getOrDefault(from, Set.of())) {
                    if (component.contains(to)) {
                        events.add(SimpleConditionEvent.violated(from, "package " + shortName(from) + " depends on "
                                + shortName(to) + ", which depends back on it through other packages"));
                    }
                }
            }
        }
        edges.clear();
    }

    private boolean inScope(String packageName) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }

    private String shortName(String packageName) {
        return packageName.equals(root) ? "(root)" : packageName.substring(root.length() + 1);
    }

    /** Tarjan's algorithm, iterative; components of two or more packages, each sorted. */
    private List<Set<String>> stronglyConnected() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> components = new java.util.ArrayList<>();
        Set<String> nodes = new TreeSet<>(edges.keySet());
        edges.values().forEach(nodes::addAll);
        for (String start : nodes) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Map.Entry<String, java.util.Iterator<String>>> work = new ArrayDeque<>();
            index.put(start, index.size());
            low.put(start, index.get(start));
            stack.push(start);
            onStack.add(start);
            work.push(Map.entry(start, edges.getOrDefault(start, Set.of()).iterator()));
            while (!work.isEmpty()) {
                String node = work.peek().getKey();
                java.util.Iterator<String> next = work.peek().getValue();
                if (next.hasNext()) {
                    String to = next.next();
                    if (!index.containsKey(to)) {
                        index.put(to, index.size());
                        low.put(to, index.get(to));
                        stack.push(to);
                        onStack.add(to);
                        work.push(Map.entry(to, edges.getOrDefault(to, Set.of()).iterator()));
                    } else if (onStack.contains(to)) {
                        low.put(node, Math.min(low.get(node), index.get(to)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    Set<String> component = new TreeSet<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    if (component.size() > 1) {
                        components.add(component);
                    }
                }
            }
        }
        return components;
    }
}
