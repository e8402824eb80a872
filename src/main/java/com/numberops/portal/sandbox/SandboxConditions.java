package com.numberops.portal.sandbox;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Which simulated carriers exist: a provider with live credentials has no sandbox routes at all.
 */
public final class SandboxConditions {

	private SandboxConditions() {
	}

	static boolean blank(ConditionContext context, String property) {
		String value = context.getEnvironment().getProperty(property);
		return value == null || value.isBlank();
	}

	static boolean sinchSandboxed(ConditionContext context) {
		return blank(context, "portal.providers.sinch.key-id");
	}

	static boolean flowrouteSandboxed(ConditionContext context) {
		return blank(context, "portal.providers.flowroute.access-key");
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
