package com.numberops.portal.providers;

import org.springframework.stereotype.Component;

/**
 * The catalog of carrier error codes ({@link ProvisioningErrors}) for templates: wherever a page
 * shows a code (a number's provisioning, a change that failed), it shows what the code means and
 * what to do, through {@code providers/codes :: explained(code)}.
 */
@Component("carrierCodes")
public class CarrierCodes {

	public ProvisioningErrors.Explained explain(String code) {
		return ProvisioningErrors.explain(code);
	}
}
