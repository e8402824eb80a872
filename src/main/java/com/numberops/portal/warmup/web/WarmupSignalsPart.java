package com.numberops.portal.warmup.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.numberops.portal.numbers.web.NumberPagePart;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.warmup.WarmupSignals;

/**
 * Where a number's warmups take their health from, for the line under each warmup on its page
 * (warmup/controls.html): the sandbox's signals, a fresh delivery report (which day, its counts,
 * its rate), a report too old to count, or none.
 */
@Component
class WarmupSignalsPart implements NumberPagePart {

	/** The model name the controls fragment reads. */
	static final String SOURCES = "warmupSignals";

	private final WarmupSignals signals;

	WarmupSignalsPart(WarmupSignals signals) {
		this.signals = signals;
	}

	@Override
	public void addTo(Model model, PortalPrincipal user, long numberId) {
		model.addAttribute(SOURCES, signals.sources(numberId));
	}
}
