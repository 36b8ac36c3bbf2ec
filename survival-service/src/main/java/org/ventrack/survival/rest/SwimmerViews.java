package org.ventrack.survival.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ventrack.survival.domain.report.SwimmerLane;

/** The swimmer plot's data as JSON: the lanes the SVG draws, longest first, times in days. */
record SwimmerViews(int patients, List<Lane> lanes) {

    record Mark(String kind, long day, LocalDate date, String label) {
    }

    /** @param days from the venetoclax start to death or the last news: the bar's length */
    record Lane(UUID patientId, String upn, String siteCode, String regimen, LocalDate venetoclaxStart, LocalDate end,
            long days, boolean alive, String bestResponse, List<Mark> marks) {
    }

    static SwimmerViews of(List<SwimmerLane> lanes) {
        return new SwimmerViews(lanes.size(), lanes.stream().map(l -> new Lane(l.patientId(), l.upn(), l.siteCode(),
                l.regimen(), l.start(), l.end(), l.days(), l.alive(), l.bestResponse(),
                l.marks().stream().map(m -> new Mark(SurvivalViews.name(m.kind()), m.day(), m.date(), m.label()))
                        .toList())).toList());
    }
}
