package com.numberops.portal.alerts.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.alerts.AlertInputs;
import com.numberops.portal.alerts.RuleKind;

/**
 * The "new rule" form. Bound as text, so that anything sent (a word for a number, an unknown kind)
 * is a message next to its field rather than a form that cannot be built; the rules are
 * {@link AlertInputs}', which the service checks, and whatever does not read as a number or a
 * kind reaches them as missing.
 */
record RuleForm(@NotBlank(message = "{alerts.name.required}") @Size(max = 100, message = "{alerts.name.too-long}") String name,
		String kind, String errorCode, String threshold, String windowMinutes, String teamId, List<String> channelIds) {

	RuleForm(@Nullable String name, @Nullable String kind, @Nullable String errorCode, @Nullable String threshold,
			@Nullable String windowMinutes, @Nullable String teamId, @Nullable List<String> channelIds) {
		this.name = name == null ? "" : name.strip();
		this.kind = kind == null ? "" : kind.strip();
		this.errorCode = errorCode == null ? "" : errorCode.strip();
		this.threshold = threshold == null ? "" : threshold.strip();
		this.windowMinutes = windowMinutes == null ? "" : windowMinutes.strip();
		this.teamId = teamId == null ? "" : teamId.strip();
		this.channelIds = channelIds == null ? List.of() : List.copyOf(channelIds);
	}

	static RuleForm blank() {
		return new RuleForm("", RuleKind.PROVISIONING_FAILED.name(), "", "5", "60", "", List.of());
	}

	AlertInputs.Rule input() {
		Set<Long> channels = new LinkedHashSet<>();
		channelIds.forEach(id -> {
			Long parsed = number(id);
			if (parsed != null) {
				channels.add(parsed);
			}
		});
		Long n = number(threshold);
		Long window = number(windowMinutes);
		return new AlertInputs.Rule(name, chosenKind(), errorCode.isEmpty() ? null : errorCode,
				n == null || n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? null : n.intValue(),
				window == null || window > Integer.MAX_VALUE || window < Integer.MIN_VALUE ? null : window.intValue(), channels);
	}

	@Nullable
	Long team() {
		return number(teamId);
	}

	private @Nullable RuleKind chosenKind() {
		try {
			return kind.isEmpty() ? null : RuleKind.valueOf(kind);
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	private static @Nullable Long number(String text) {
		try {
			return text.isEmpty() ? null : Long.parseLong(text);
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}
}
