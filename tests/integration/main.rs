//! credo's integration tests: the real binary on fixture sites.

mod harness;

mod build;
mod errors;
mod output;
mod scaffold;
mod serve;
