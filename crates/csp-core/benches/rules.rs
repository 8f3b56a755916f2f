//! Prints the cost of the rules: one work-email check, one full-draft validation.

use criterion::{criterion_group, criterion_main, Criterion};
use csp_core::email::{check_work_email, DomainPolicy, Purpose};
use csp_core::enrollment::{check_submission, Context, PartnerType};
use std::hint::black_box;

fn rules(c: &mut Criterion) {
    let mut policy = DomainPolicy::builtin();
    policy.add_consumer(include_str!("../../../static/data/free-email-domains.txt").lines());
    c.bench_function("email check (4.8k-domain list)", |b| {
        b.iter(|| {
            check_work_email(
                black_box("Anna.Petrova@Contoso.COM"),
                Purpose::PrimaryContact,
                &policy,
            )
        })
    });
    let ctx = Context {
        domains: policy.clone(),
        ..Context::default()
    };
    let draft = csp_core::fixtures::french_draft();
    c.bench_function("full draft validation (FR reseller)", |b| {
        b.iter(|| check_submission(black_box(&draft), &PartnerType::ALL, &ctx))
    });
}

criterion_group!(benches, rules);
criterion_main!(benches);
