/** Load generators and benchmarks; every figure in docs/benchmarks.md names the command that made it. */
@NullMarked
package dev.streamcat.bench;

import org.jspecify.annotations.NullMarked;
