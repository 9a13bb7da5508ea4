/**
 * Random search ({@code algorithm: random}, {@code samples: N}): {@link
 * dev.tunebeam.transforms.search.random.RandomSearch} with {@link
 * dev.tunebeam.transforms.search.random.RandomSettings}. Points are distinct draws with the space's
 * seed, so the same file gives the same trials.
 */
package dev.tunebeam.transforms.search.random;
