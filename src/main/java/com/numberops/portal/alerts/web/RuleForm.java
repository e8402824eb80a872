package com.numberops.portal.alerts.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.alerts.AlertInputs;
import com.numberops.portal.alerts.RuleKind;

/**
 * The "new rule" form. Bean Validation gives the field messages early; the rules are
 * {@link AlertInputs}', checked again by the service.
 */
record RuleForm(@NotBlank(message = "{alerts.name.required}") @Size(max = 100, message = "{alerts.name.too-long}") String name,
		@NotNull(message = "{alerts.rule.kind.required}") @Nullable RuleKind kind, @Nullable String errorCode,
		@NotNull(message = "{alerts.rule.threshold.range}") @Min(value = 1, message = "{alerts.rule.threshold.range}")
		@Max(value = AlertInputs.MAX_THRESHOLD, message = "{alerts.rule.threshold.range}") @Nullable Integer threshold,
		@NotNull(message = "{alerts.rule.window.range}") @Min(value = 1, message = "{alerts.rule.window.range}")
		@Max(value = AlertInputs.MAX_WINDOW_MINUTES, message = "{alerts.rule.window.range}") @Nullable Integer windowMinutes,
		@Nullable Long teamId, @Nullable List<Long> channelIds) {

	RuleForm {
		name = name == null ? "" : name.strip();
		errorCode = errorCode == null || errorCode.isBlank() ? null : errorCode.strip();
	}

	static RuleForm blank() {
		return new RuleForm("", RuleKind.PROVISIONING_FAILED, "", 5, 60, null, List.of());
	}

	Set<Long> channels() {
		return channelIds == null ? Set.of() : new LinkedHashSet<>(channelIds);
	}

	AlertInputs.Rule input() {
		return new AlertInputs.Rule(name, kind, errorCode, threshold, windowMinutes, channels());
	}
}
