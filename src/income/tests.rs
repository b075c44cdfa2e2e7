//! One test per rule of the shipped income model: each age band, uplift, proxy, the monthly →
//! yearly conversion and the caveat, plus the postings' ranking.

use crate::Engine;
use crate::income::{Estimate, estimate};
use crate::knowledge::format::Employment;
use crate::profile::Facts;

fn engine() -> Engine {
    Engine::builtin().expect("the shipped knowledge base compiles")
}

fn est(e: &Engine, profile: &str, role: &str, emp: Employment) -> Estimate {
    let kb = e.knowledge();
    let p = e
        .profile_from_str("t.json", profile)
        .expect("valid profile");
    let r = kb.find_role(role).expect("known role");
    estimate(kb, &Facts::new(&p, kb), r, emp)
}

fn ids(e: &Estimate) -> Vec<&str> {
    e.factors.iter().map(|f| f.id.as_str()).collect()
}

/// Asserts the uplift `id` lifts `role`'s estimate by its factors when `with` holds and not
/// when `without` does.
fn uplift(id: &str, role: &str, emp: Employment, with: &str, without: &str) {
    let e = engine();
    let a = est(&e, without, role, emp);
    let b = est(&e, with, role, emp);
    assert!(
        !ids(&a).contains(&id),
        "{id} applied without: {:?}",
        ids(&a)
    );
    assert!(
        a.not_yet.iter().any(|f| f.id == id),
        "{id} not offered as a next step"
    );
    let f = b
        .factors
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("{id} not applied: {:?}", ids(&b)));
    let (ra, rb) = (a.range.expect("range"), b.range.expect("range"));
    assert!((rb.low - ra.low * f.low).abs() < 1e-6, "{id} low end");
    assert!((rb.high - ra.high * f.high).abs() < 1e-6, "{id} high end");
    assert!(f.low >= 1.0 && f.high >= 1.0 && f.high > 1.0);
}

const EMP: Employment = Employment::Employee;
const FREE: Employment = Employment::Freelance;

#[test]
fn age_bands_scale_employee_pay_by_the_survey_ratio() {
    let e = engine();
    for (age, factor) in [
        (25, 408.0 / 574.0),
        (35, 586.0 / 574.0),
        (45, 693.0 / 574.0),
        (55, 712.0 / 574.0),
        (65, 582.0 / 574.0),
    ] {
        let p = format!(r#"{{"age": {age}, "skills": {{}}}}"#);
        let r = est(&e, &p, "backend-engineer", EMP).range.expect("range");
        assert!((r.low - 500.0 * factor).abs() < 1e-6, "age {age}");
    }
    // No band, no factor; freelance rates have no age factor (SEES: postings are 年齢不問).
    let r = est(&e, r#"{"age": 72, "skills": {}}"#, "backend-engineer", EMP);
    assert!(r.factors.is_empty());
    let f = est(&e, r#"{"age": 25, "skills": {}}"#, "backend-engineer", FREE);
    assert!(f.factors.is_empty());
}

#[test]
fn upstream_experience() {
    uplift(
        "upstream-experience",
        "infra-engineer",
        EMP,
        r#"{"phases": {"requirements": 0.5, "basic-design": 0.5}, "skills": {}}"#,
        r#"{"phases": {"detailed-design": 3}, "skills": {}}"#,
    );
    // infra-architect's own figure is already the upstream one.
    let e = engine();
    let a = est(
        &e,
        r#"{"phases": {"requirements": 2}, "skills": {}}"#,
        "infra-architect",
        EMP,
    );
    assert!(!ids(&a).contains(&"upstream-experience"));
}

#[test]
fn management_experience() {
    uplift(
        "management-experience",
        "backend-engineer",
        FREE,
        r#"{"management": {"years": 2}, "skills": {}}"#,
        r#"{"management": {"years": 0.5}, "skills": {}}"#,
    );
}

#[test]
fn upstream_and_management_overlap_per_end() {
    let e = engine();
    let both = est(
        &e,
        r#"{"phases": {"requirements": 1}, "management": {"years": 1}, "skills": {}}"#,
        "infra-engineer",
        EMP,
    );
    let f = &both.factors[0];
    assert_eq!(f.id, "upstream-experience + management-experience");
    assert!((f.low - 1.2).abs() < 1e-9 && (f.high - 1000.0 / 600.0).abs() < 1e-9);
}

#[test]
fn cloud_skills() {
    uplift(
        "cloud-skills",
        "server-engineer",
        EMP,
        r#"{"skills": {"gcp": 3}}"#,
        r#"{"skills": {"gcp": 2}}"#,
    );
}

#[test]
fn cloud_skills_freelance() {
    uplift(
        "cloud-skills-freelance",
        "network-engineer",
        FREE,
        r#"{"skills": {"aws": 3}}"#,
        r#"{"skills": {"linux": 5}}"#,
    );
}

#[test]
fn cloud_design() {
    uplift(
        "cloud-design",
        "cloud-engineer",
        EMP,
        r#"{"skills": {"cloud-architecture": 4}}"#,
        r#"{"skills": {"cloud-architecture": 3}}"#,
    );
}

#[test]
fn security_skills() {
    uplift(
        "security-skills",
        "network-engineer",
        EMP,
        r#"{"skills": {"firewall-ids-ips": 3}}"#,
        r#"{"skills": {"security": 3}}"#,
    );
}

#[test]
fn security_skills_freelance() {
    uplift(
        "security-skills-freelance",
        "server-engineer",
        FREE,
        r#"{"skills": {"security": 4}}"#,
        r#"{"skills": {"security": 3}}"#,
    );
}

#[test]
fn ten_years_backend() {
    uplift(
        "ten-years-backend",
        "backend-engineer",
        EMP,
        r#"{"years_experience": 10, "skills": {}}"#,
        r#"{"years_experience": 9.5, "skills": {}}"#,
    );
}

#[test]
fn every_shipped_uplift_has_a_test() {
    let tested = [
        "cloud-design",
        "cloud-skills",
        "cloud-skills-freelance",
        "management-experience",
        "security-skills",
        "security-skills-freelance",
        "ten-years-backend",
        "upstream-experience",
    ];
    let e = engine();
    let model = e.knowledge().income_model.as_ref().expect("a model");
    let shipped: Vec<&str> = model.uplifts.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(shipped, tested, "add a test for each new uplift");
}

#[test]
fn proxies_borrow_a_labelled_figure() {
    let e = engine();
    let infra = est(&e, r#"{"skills": {}}"#, "infra-engineer", FREE);
    let base = infra.base.expect("borrowed");
    assert_eq!(base.borrowed_from.as_deref(), Some("server-engineer"));
    assert_eq!(base.yearly.low, 791.0);
    let fs = est(&e, r#"{"skills": {}}"#, "full-stack-engineer", FREE);
    assert_eq!(
        fs.base.expect("borrowed").borrowed_from.as_deref(),
        Some("backend-engineer")
    );
    // A role without a figure and no proxy says so.
    assert!(
        est(&e, r#"{"skills": {}}"#, "tech-lead", FREE)
            .base
            .is_none()
    );
}

#[test]
fn monthly_rates_convert_with_months_per_year() {
    let e = engine();
    let model = e.knowledge().income_model.as_ref().expect("a model");
    assert_eq!(model.months_per_year, 12.0);
    assert_eq!(model.conversion.source, "000_77f4d77dafb9a78c.txt");
    // backend's freelance headline is 720–840万円 a year = 60–70万円 a month.
    let b = est(&e, r#"{"skills": {}}"#, "backend-engineer", FREE);
    let m = b.monthly.expect("monthly");
    assert_eq!((m.low, m.high), (60.0, 70.0));
    // PMO's headline is a monthly 70万円: 840万円 a year.
    let p = est(&e, r#"{"skills": {}}"#, "pmo", FREE);
    assert_eq!(p.range.expect("range").low, 840.0);
}

#[test]
fn the_caveat_is_sourced() {
    let e = engine();
    let model = e.knowledge().income_model.as_ref().expect("a model");
    assert!(model.caveat.text.ja.contains("単純比較できません"));
    assert_eq!(model.caveat.source, "000_77f4d77dafb9a78c.txt");
}

#[test]
fn change_between_roles_uses_the_model() {
    let e = engine();
    let kb = e.knowledge();
    let p = e
        .profile_from_str("t.json", r#"{"age": 35, "skills": {"aws": 3}}"#)
        .expect("valid");
    let (a, b) = (
        kb.find_role("server-engineer").expect("role"),
        kb.find_role("cloud-engineer").expect("role"),
    );
    let c = crate::income::change(kb, &p, a, b);
    let emp = c.employee.expect("both have employee figures");
    // server 389 × age × cloud-skills (389 → 458) equals cloud 458 × age: no change.
    assert!(emp.delta.low.abs() < 1e-6, "{emp:?}");
    assert!(emp.same_source);
}

#[test]
fn shipped_postings_rank_as_the_examples_say() {
    let e = engine();
    for (file, first) in [
        (
            include_str!("../../profiles/java-backend-3y.json"),
            "sees-retail-accounting-java",
        ),
        (
            include_str!("../../profiles/infra-product-to-sre.json"),
            "sees-cloud-operations",
        ),
    ] {
        let p = e.profile_from_str("p.json", file).expect("valid");
        let j = e.jobs(&p, None, 5);
        assert_eq!(j.jobs[0].posting.id, first);
        assert!(j.jobs[0].gaps.is_empty());
        assert!(j.jobs.iter().skip(1).all(|m| !m.gaps.is_empty()));
    }
}
