/**
 * Random search ({@code algorithm: random}, {@code samples: N}). Entry class {@link
 * dev.tunebeam.transforms.search.random.RandomSearch}, with its settings record {@link
 * dev.tunebeam.transforms.search.random.RandomSettings}.
 *
 * <p>Decision: points are distinct draws with the space's seed, so the same file gives the same
 * trials and a rerun finds them trained.
 */
package dev.tunebeam.transforms.search.random;
