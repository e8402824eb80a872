package com.numberops.portal.sandbox;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Which simulated carriers exist: a provider with live credentials has no sandbox routes at all.
 */
public final class SandboxConditions {

	private SandboxConditions() {
	}

	static boolean blank(Environment environment, String property) {
		String value = environment.getProperty(property);
		return value == null || value.isBlank();
	}

	static boolean sinchSandboxed(ConditionContext context) {
		return blank(context.getEnvironment(), "portal.providers.sinch.key-id");
	}

	static boolean flowrouteSandboxed(ConditionContext context) {
		return blank(context.getEnvironment(), "portal.providers.flowroute.access-key");
	}

	/** The APIs this portal simulates: those of the carriers without live credentials. */
	static Set<SandboxApi> simulated(Environment environment) {
		Set<SandboxApi> apis = EnumSet.noneOf(SandboxApi.class);
		if (blank(environment, "portal.providers.sinch.key-id")) {
			apis.add(SandboxApi.SINCH);
			apis.add(SandboxApi.SINCH_IMPORTED);
		}
		if (blank(environment, "portal.providers.flowroute.access-key")) {
			apis.add(SandboxApi.FLOWROUTE);
		}
		return apis;
	}

	public static final class Sinch implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return sinchSandboxed(context);
		}
	}

	public static final class Flowroute implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return flowrouteSandboxed(context);
		}
	}

	public static final class Any implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return sinchSandboxed(context) || flowrouteSandboxed(context);
		}
	}
}
