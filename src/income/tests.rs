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
    // backend-engineer's headline is the MHLW job tag all-ages 574万円, the survey of the bands:
    // the estimate is the survey's own figure for the band.
    for (age, band) in [
        (25, 408.0),
        (35, 586.0),
        (45, 693.0),
        (55, 712.0),
        (65, 582.0),
    ] {
        let p = format!(r#"{{"age": {age}, "skills": {{}}}}"#);
        let est = est(&e, &p, "backend-engineer", EMP);
        let r = est.range.expect("range");
        assert!((r.low - band).abs() < 1e-6, "age {age}: {}", r.low);
        assert!(est.factors[0].borrowed.is_empty());
    }
    // No band, no factor; freelance rates have no age factor (SEES: postings are 年齢不問).
    let r = est(&e, r#"{"age": 72, "skills": {}}"#, "backend-engineer", EMP);
    assert!(r.factors.is_empty() && r.not_applied.is_empty());
    let f = est(&e, r#"{"age": 25, "skills": {}}"#, "backend-engineer", FREE);
    assert!(f.factors.is_empty());
}

#[test]
fn age_bands_do_not_apply_to_other_surveys() {
    let e = engine();
    // Levtech's averages cover all ages: a 29-year-old network engineer gets Levtech's 401万円,
    // not 401 × 408 / 574, and the estimate says why.
    let n = est(&e, r#"{"age": 29, "skills": {}}"#, "network-engineer", EMP);
    assert_eq!(n.range.expect("range").low, 401.0);
    assert!(n.factors.is_empty());
    let skipped = &n.not_applied[0];
    assert_eq!((skipped.kind, skipped.id.as_str()), ("age", "20-29"));
    assert_eq!(skipped.survey, "mhlw-jobtag-se-web");
    assert!(
        skipped
            .reason
            .en
            .contains("levtech-2025-11's figure is an average over all ages")
    );
    assert_eq!(skipped.description.en, "age band 20–29");
    assert_eq!(skipped.description.ja, "20〜29歳の年齢帯");
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
    // Unison's ratio on Levtech's figure (infra-engineer borrows server-engineer's): borrowed,
    // as the model declares it may be, and said so.
    let e = engine();
    let b = est(
        &e,
        r#"{"phases": {"requirements": 1}, "skills": {}}"#,
        "infra-engineer",
        EMP,
    );
    let f = &b.factors[0];
    assert_eq!(f.survey, "unison");
    assert_eq!(f.borrowed[0].survey, "unison");
    assert_eq!(b.base.as_ref().expect("base").survey, "levtech-2025-11");
    // infra-architect's own figure is already the upstream one.
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
fn uplifts_of_their_own_survey_are_not_borrowed() {
    // management-experience is Unison's: on infra-architect's Unison figure it is not borrowed.
    let e = engine();
    let a = est(
        &e,
        r#"{"management": {"years": 2}, "skills": {}}"#,
        "infra-architect",
        EMP,
    );
    let f = a
        .factors
        .iter()
        .find(|f| f.id == "management-experience")
        .expect("applied");
    assert!(f.borrowed.is_empty());
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
    // rivermee's ratio applies to rivermee's figures only: backend-engineer's headline is
    // MHLW's, whose age band already reflects experience. The estimate says it is not applied,
    // and does not offer it as a next step.
    let e = engine();
    let ten = est(
        &e,
        r#"{"years_experience": 10, "skills": {}}"#,
        "backend-engineer",
        EMP,
    );
    assert!(!ids(&ten).contains(&"ten-years-backend"));
    let n = ten
        .not_applied
        .iter()
        .find(|n| n.id == "ten-years-backend")
        .expect("listed as not applied");
    assert_eq!(n.survey, "rivermee");
    assert!(
        n.reason.en.contains("not declared borrowable"),
        "{}",
        n.reason.en
    );
    let nine = est(
        &e,
        r#"{"years_experience": 9.5, "skills": {}}"#,
        "backend-engineer",
        EMP,
    );
    assert!(nine.not_yet.iter().all(|f| f.id != "ten-years-backend"));
    assert!(nine.not_applied.is_empty());
}

#[test]
fn levtech_uplifts_do_not_apply_to_other_surveys() {
    // cloud-skills is Levtech's server → cloud ratio: it lifts Levtech's figures (server) but not
    // doda 2021's (database-engineer), and is not offered there as a next step.
    let e = engine();
    let db = est(&e, r#"{"skills": {"aws": 3}}"#, "database-engineer", EMP);
    assert_eq!(db.base.as_ref().expect("base").survey, "doda-2021");
    assert!(!ids(&db).contains(&"cloud-skills"));
    assert!(db.not_applied.iter().any(|n| n.id == "cloud-skills"));
    let without = est(&e, r#"{"skills": {}}"#, "database-engineer", EMP);
    assert!(without.not_yet.iter().all(|f| f.id != "cloud-skills"));
    // A role without a figure has nothing to scale: no factor, none missing.
    let none = est(
        &e,
        r#"{"age": 30, "skills": {"aws": 3}}"#,
        "infra-generalist",
        EMP,
    );
    assert!(none.base.is_none() && none.factors.is_empty() && none.not_yet.is_empty());
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
    // The employee figure too: Levtech's, so infra-engineer compares with its classifications
    // on one basis (Unison's 500–600万円 stays a secondary figure of the role).
    let infra = est(&e, r#"{"skills": {}}"#, "infra-engineer", EMP);
    let base = infra.base.expect("borrowed");
    assert_eq!(base.borrowed_from.as_deref(), Some("server-engineer"));
    assert_eq!(
        (base.yearly.low, base.survey.as_str()),
        (389.0, "levtech-2025-11")
    );
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
    assert!(
        crate::knowledge::cites(
            e.knowledge(),
            &model.conversion.source,
            crate::knowledge::LEVTECH_SEED
        ),
        "{}",
        model.conversion.source
    );
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
    assert!(
        crate::knowledge::cites(
            e.knowledge(),
            &model.caveat.source,
            crate::knowledge::LEVTECH_SEED
        ),
        "{}",
        model.caveat.source
    );
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
    assert_eq!(emp.survey, "levtech-2025-11");
}

#[test]
fn estimated_changes_stay_within_one_survey() {
    let e = engine();
    let kb = e.knowledge();
    let role = |id| kb.find_role(id).expect("role");
    let p = e
        .profile_from_str("t.json", r#"{"age": 29, "skills": {}}"#)
        .expect("valid");
    // infra → cloud: Levtech on both sides (server's 389 borrowed → cloud's 458), a rise.
    let c = crate::income::change(kb, &p, role("infra-engineer"), role("cloud-engineer"));
    let emp = c.employee.expect("one survey");
    assert_eq!((emp.from.low, emp.to.low), (389.0, 458.0));
    assert!(emp.delta.low > 0.0);
    // infra → SRE: Levtech against shokuzukan: no change, and the reason is kept.
    let c = crate::income::change(kb, &p, role("infra-engineer"), role("sre"));
    assert!(c.employee.is_none());
    assert_eq!(c.across_surveys, vec![EMP]);
}

#[test]
fn headlines_follow_the_headline_surveys() {
    let e = engine();
    let kb = e.knowledge();
    let head = |id, emp| {
        let h = kb
            .headline(kb.find_role(id).expect("role"), emp)
            .expect("a headline");
        (
            h.income.survey.as_str(),
            h.income.yearly_point().unwrap_or_default(),
            h.proxy.map(|p| kb.role(p.uses).id.as_str()),
        )
    };
    // Levtech first: one dataset for the infra classifications, cloud and SE.
    for (role, pay) in [
        ("server-engineer", 389.0),
        ("network-engineer", 401.0),
        ("cloud-engineer", 458.0),
        ("security-engineer", 436.0),
        ("systems-engineer", 417.0),
    ] {
        assert_eq!(head(role, EMP), ("levtech-2025-11", pay, None), "{role}");
    }
    assert_eq!(
        head("infra-engineer", EMP),
        ("levtech-2025-11", 389.0, Some("server-engineer"))
    );
    // Then MHLW job tag (the survey of the age bands).
    assert_eq!(
        head("backend-engineer", EMP),
        ("mhlw-jobtag-se-web", 574.0, None)
    );
    // Otherwise the role's first figure.
    assert_eq!(head("sre", EMP), ("shokuzukan", 750.0, None));
    // PM keeps doda 2022's 686万円; PL has no figure (the doda ranking has no PL category).
    assert_eq!(head("project-manager", EMP), ("doda-2022", 686.0, None));
    let pl = kb.find_role("project-leader").expect("role");
    assert!(kb.headline(pl, EMP).is_none() && kb.role(pl).incomes.is_empty());
}

#[test]
fn comparable_gain_measures_within_one_survey() {
    let e = engine();
    let kb = e.knowledge();
    let gain = |a, b| {
        crate::income::comparable_gain(
            kb,
            kb.find_role(a).expect("role"),
            kb.find_role(b).expect("role"),
        )
    };
    // infra → cloud is not a pay cut: Levtech on both sides.
    let g = gain("infra-engineer", "cloud-engineer").expect("Levtech gives both");
    assert!(g.ratio >= 0.0);
    assert_eq!(g.survey, "levtech-2025-11");
    // server → cloud: 458 / 389 − 1.
    let g = gain("server-engineer", "cloud-engineer").expect("Levtech gives both");
    assert!((g.ratio - (458.0 / 389.0 - 1.0)).abs() < 1e-12);
    assert_eq!((g.from, g.to), (389.0, 458.0));
    assert!(
        crate::knowledge::cites(kb, &g.source, crate::knowledge::LEVTECH_SEED),
        "{}",
        g.source
    );
    // PL has no figure.
    assert!(gain("project-leader", "project-manager").is_none());
    // No survey gives backend (MHLW, SEES, rivermee) and infra (Levtech, Unison) both.
    assert!(gain("backend-engineer", "infra-engineer").is_none());
    // Beyond the headline: infra (Unison 500–600) → infra-architect (Unison 600–800).
    let g = gain("infra-engineer", "infra-architect").expect("Unison gives both");
    assert_eq!((g.from, g.to, g.survey.as_str()), (550.0, 700.0, "unison"));
    // network (Levtech 401, doda 433) → database (doda 401): doda 2021 on both sides.
    let g = gain("network-engineer", "database-engineer").expect("doda gives both");
    assert_eq!(
        (g.from, g.to, g.survey.as_str()),
        (433.0, 401.0, "doda-2021")
    );
    assert!(g.ratio < 0.0);
    // Every pair of roles: either no gain, or one within a survey both roles have a figure of.
    for a in (0..kb.roles.len()).map(crate::knowledge::model::RoleIx) {
        for b in (0..kb.roles.len()).map(crate::knowledge::model::RoleIx) {
            let Some(g) = crate::income::comparable_gain(kb, a, b) else {
                continue;
            };
            let has = |r, v: f64| {
                let i = crate::income::Incomes::of(kb, r);
                i.employee
                    .iter()
                    .any(|f| f.survey == g.survey && f.yearly == v)
                    || i.employee_figures
                        .iter()
                        .any(|f| f.survey == g.survey && f.yearly == v)
            };
            assert!(has(a, g.from) && has(b, g.to), "{g:?}");
            assert!((g.ratio - (g.to / g.from - 1.0)).abs() < 1e-12);
        }
    }
}

#[test]
fn headline_changes_name_their_survey() {
    let e = engine();
    let kb = e.knowledge();
    let of = |id| crate::income::Incomes::of(kb, kb.find_role(id).expect("role"));
    // Both headlines Levtech.
    let c = crate::income::IncomeChange::between(&of("infra-engineer"), &of("cloud-engineer"));
    let (d, basis) = c.get(EMP).expect("a change");
    assert_eq!(
        (d, basis.survey.as_str(), basis.from_headline),
        (69.0, "levtech-2025-11", true)
    );
    // The target's headline (Unison) against the current role's other figure of that survey.
    let c = crate::income::IncomeChange::between(&of("infra-engineer"), &of("infra-architect"));
    let (d, basis) = c.get(EMP).expect("a change");
    assert_eq!((d, basis.survey.as_str()), (150.0, "unison"));
    assert!(!basis.from_headline);
    assert_eq!(basis.from, "500–600万円");
    assert_eq!(basis.from_role, "infra-engineer");
    // No common survey: no change.
    let c = crate::income::IncomeChange::between(&of("infra-engineer"), &of("sre"));
    assert!(c.employee.is_none() && c.employee_basis.is_none());
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
