@NullMarked
package com.numberops.portal.dashboard;

import org.jspecify.annotations.NullMarked;
