package org.ventrack.pk.domain.dose;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Age in decimal years. From dates it is exact at birthdays: completed years plus the elapsed fraction of the current
 * year of life, so the second birthday is 2.0, the day before is just under.
 */
public record Age(double years) {

    public Age {
        if (!(years >= 0)) {
            throw new IllegalArgumentException("age must not be negative: " + years);
        }
    }

    public static Age ofYears(double years) {
        return new Age(years);
    }

    public static Age between(LocalDate birthDate, LocalDate on) {
        if (on.isBefore(birthDate)) {
            throw new IllegalArgumentException("date " + on + " before birth " + birthDate);
        }
        long completed = ChronoUnit.YEARS.between(birthDate, on);
        LocalDate lastBirthday = birthDate.plusYears(completed);
        LocalDate nextBirthday = birthDate.plusYears(completed + 1);
        double fraction = (double) ChronoUnit.DAYS.between(lastBirthday, on)
                / ChronoUnit.DAYS.between(lastBirthday, nextBirthday);
        return new Age(completed + fraction);
    }
}
