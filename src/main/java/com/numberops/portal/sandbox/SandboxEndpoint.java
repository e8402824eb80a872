package com.numberops.portal.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a sandbox handler method with the API it simulates and its endpoint name, which the
 * authentication and fault-injection interceptor use (faults are switched per API and endpoint).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface SandboxEndpoint {

	SandboxApi api();

	/** Short endpoint name: list, get, patch, release, available, regions, rent, delete, provisioning. */
	String value();

	/** False for the token endpoint itself, which checks client credentials on its own. */
	boolean authenticated() default true;
}
