package com.numberops.portal.system;

import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.validation.Errors;

/**
 * A refusal a service gave (it names a form field, or none) put on the form's errors, so the
 * shared field fragment ({@code fragments/forms}) shows it next to that field like a Bean
 * Validation message. A field the form does not have is the form's as a whole.
 */
public final class FormErrors {

	private FormErrors() {
	}

	public static void reject(Errors errors, String field, String message) {
		Object form = errors instanceof org.springframework.validation.BindingResult result ? result.getTarget() : null;
		if (!field.isEmpty() && form != null && PropertyAccessorFactory.forBeanPropertyAccess(form).isReadableProperty(field)) {
			errors.rejectValue(field, "refused", message);
		}
		else {
			errors.reject("refused", message);
		}
	}
}
