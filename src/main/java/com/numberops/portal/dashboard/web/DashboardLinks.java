package com.numberops.portal.dashboard.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

import com.numberops.portal.numbers.CallWarmupState;
import com.numberops.portal.numbers.InventoryState;
import com.numberops.portal.numbers.NumberFilter.Parameter;
import com.numberops.portal.numbers.NumberStatus;
import com.numberops.portal.numbers.WarmupState;

/**
 * Every figure on the dashboard opens the Numbers page filtered to exactly the numbers it
 * counts; the links are built here, with the Numbers page's own parameter names.
 */
public final class DashboardLinks {

	static final String NUMBERS = "/numbers";

	private DashboardLinks() {
	}

	public static String all() {
		return NUMBERS;
	}

	public static String state(InventoryState state) {
		return numbers(Parameter.STATE, state.value());
	}

	public static String status(NumberStatus status) {
		return numbers(Parameter.STATUS, status.value());
	}

	public static String account(@Nullable Long id) {
		return numbers(Parameter.ACCOUNT, String.valueOf(id));
	}

	/** @param id null: the numbers of no team */
	public static String team(@Nullable Long id) {
		return numbers(Parameter.TEAM, id == null ? "none" : String.valueOf(id));
	}

	public static String smsWarmup(WarmupState state) {
		return numbers(Parameter.WARMUP, state.label());
	}

	public static String callWarmup(CallWarmupState state) {
		return numbers(Parameter.CALL_WARMUP, state.label());
	}

	public static String callStage(int stage) {
		return numbers(Parameter.CALL_STAGE, String.valueOf(stage));
	}

	public static String campaign(String tenDlcCampaign) {
		return numbers(Parameter.TENDLC, tenDlcCampaign);
	}

	private static String numbers(Parameter parameter, String value) {
		return UriComponentsBuilder.fromPath(NUMBERS).queryParam(parameter.key(), value).encode().build().toUriString();
	}
}
