package com.numberops.portal.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * For admins of every team only: what spans the whole fleet whatever team it is asked from (the
 * carrier accounts and their sandbox faults, alert rules and channels, the actuator's metrics). An
 * admin limited to teams runs their teams' numbers, people and tokens, not these: a fault or an
 * alert rule acts on every team's numbers. The sections that hold them are guarded by the same
 * {@link #RULE} (users' {@code Section#forAdminsOfEveryTeam}).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize(ForAdminsOfEveryTeam.RULE)
public @interface ForAdminsOfEveryTeam {

	/** The rule as a Spring Security expression: an admin with no team, which means every team. */
	String RULE = "hasRole('ADMIN') and principal.teamIds.isEmpty()";
}
