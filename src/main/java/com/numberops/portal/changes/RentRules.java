package com.numberops.portal.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.providers.Offer;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.RentSetup;

/**
 * What a rent must hold before anything is bought, checked against the offers as the carrier
 * has them now: a cart of the right size, a setup the numbers can take (Sinch links an SMS plan
 * only to SMS numbers, a 10DLC campaign only to US numbers and only with a plan, a voice app only
 * to voice numbers; Flowroute sells numbers without either), and a team the buyer may give.
 */
final class RentRules {

	private RentRules() {
	}

	static List<FieldProblem> check(ProviderKind carrier, List<Offer> cart, List<String> unavailable, RentSetup setup,
			@Nullable Long teamId, Set<Long> buyersTeams, int cartSize) {
		List<FieldProblem> problems = new ArrayList<>();
		if (cart.isEmpty() && unavailable.isEmpty()) {
			problems.add(new FieldProblem("numbers", "Add at least one number to the cart."));
		}
		if (cart.size() + unavailable.size() > cartSize) {
			problems.add(new FieldProblem("numbers", "At most " + cartSize + " numbers can be rented at once."));
		}
		for (String gone : unavailable) {
			problems.add(new FieldProblem("numbers", gone + " is no longer for sale; remove it from the cart."));
		}
		if (carrier == ProviderKind.FLOWROUTE) {
			if (setup.sms() || setup.campaignId() != null || setup.voice()) {
				problems.add(new FieldProblem("servicePlanId",
						"Flowroute numbers are bought without an SMS service plan, campaign or voice app."));
			}
		}
		else {
			if (!setup.sms() && !setup.voice()) {
				problems.add(new FieldProblem("servicePlanId",
						"Choose an SMS service plan, a voice app, or both: Sinch rents a number for SMS or voice."));
			}
			if (setup.campaignId() != null && !setup.sms()) {
				problems.add(new FieldProblem("campaignId", "A 10DLC campaign needs an SMS service plan."));
			}
			for (Offer offer : cart) {
				if (setup.sms() && !offer.can("SMS")) {
					problems.add(new FieldProblem("servicePlanId", offer.number() + " cannot take SMS (voice only)."));
				}
				if (setup.voice() && !offer.can("VOICE")) {
					problems.add(new FieldProblem("voiceAppId", offer.number() + " cannot take calls (SMS only)."));
				}
				if (setup.campaignId() != null && !"US".equals(offer.regionCode())) {
					problems.add(new FieldProblem("campaignId",
							"10DLC campaigns are for US numbers; " + offer.number() + " is a " + offer.regionCode() + " number."));
				}
			}
		}
		if (!buyersTeams.isEmpty() && (teamId == null || !buyersTeams.contains(teamId))) {
			problems.add(new FieldProblem("teamId", "Choose one of your teams: a number you buy must be one you can see."));
		}
		return problems;
	}

	/** Each number's name: the one given, numbered when several share it. */
	static @Nullable String name(@Nullable String name, int index, int count) {
		if (name == null || name.isBlank()) {
			return null;
		}
		return count == 1 ? name.strip() : name.strip() + " " + (index + 1);
	}
}
