package org.ventrack.survival.domain.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Survival subjects in primitive arrays, growable, with a group label per subject (interned as an index), so that a
 * million subjects cost a few bytes each.
 */
public final class Subjects {

    private double[] times = new double[1024];
    private boolean[] events = new boolean[1024];
    private int[] groups = new int[1024];
    private final List<String> groupNames = new ArrayList<>();
    private final Map<String, Integer> groupIndex = new HashMap<>();
    private int size;

    /** @param group null for an ungrouped analysis */
    public void add(double time, boolean event, String group) {
        if (size == times.length) {
            int capacity = size * 2;
            times = Arrays.copyOf(times, capacity);
            events = Arrays.copyOf(events, capacity);
            groups = Arrays.copyOf(groups, capacity);
        }
        String name = group == null ? "all" : group;
        Integer index = groupIndex.get(name);
        if (index == null) {
            index = groupNames.size();
            groupNames.add(name);
            groupIndex.put(name, index);
        }
        times[size] = time;
        events[size] = event;
        groups[size] = index;
        size++;
    }

    public int size() {
        return size;
    }

    public double[] times() {
        return Arrays.copyOf(times, size);
    }

    public boolean[] events() {
        return Arrays.copyOf(events, size);
    }

    public int[] groups() {
        return Arrays.copyOf(groups, size);
    }

    /** Group labels in order of first appearance; index i is group i. */
    public List<String> groupNames() {
        return List.copyOf(groupNames);
    }
}
