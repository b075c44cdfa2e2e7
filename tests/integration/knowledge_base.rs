//! The shipped knowledge base: every public id, a registry entry behind every source, and
//! validation.

use careergraph::knowledge::KnowledgeBase;

const ROLES: &[&str] = &[
    "infra-engineer",
    "server-engineer",
    "network-engineer",
    "database-engineer",
    "security-engineer",
    "cloud-engineer",
    "network-specialist",
    "infra-generalist",
    "infra-architect",
    "it-architect",
    "sre",
    "systems-engineer",
    "programmer",
    "backend-engineer",
    "frontend-engineer",
    "full-stack-engineer",
    "tech-lead",
    "engineering-manager",
    "project-leader",
    "project-manager",
    "pmo",
    "it-consultant",
    "in-house-se",
    "ai-engineer",
    "iot-engineer",
    "data-scientist",
];
const PHASES: &[&str] = &[
    "requirements",
    "basic-design",
    "detailed-design",
    "build",
    "implementation",
    "testing",
    "operations",
];
const CERTS: &[&str] = &[
    "ccna",
    "ccnp-enterprise",
    "linuc-1",
    "linuc-2",
    "linuc-3",
    "lpic-1",
    "lpic-2",
    "oracle-java-bronze",
    "oracle-java-silver",
    "oracle-java-gold",
    "php-engineer",
    "ruby-silver",
    "ruby-gold",
    "ip",
    "fe",
    "ap",
    "nw",
    "db",
    "sc",
    "sa",
    "pm",
    "aws-clf",
    "aws-saa",
    "aws-sap",
    "aws-dop",
    "az-900",
    "az-104",
    "az-305",
    "gcp-ace",
    "gcp-pca",
    "cka",
    "ckad",
    "terraform-associate",
];
const SKILLS: &[&str] = &[
    "tcp-ip",
    "routing-switching",
    "wan-design",
    "network-design",
    "linux",
    "windows-server",
    "shell-scripting",
    "ansible",
    "terraform",
    "virtualization",
    "containers",
    "kubernetes",
    "aws",
    "azure",
    "gcp",
    "cloud-architecture",
    "storage-backup",
    "redundancy-load-balancing",
    "monitoring",
    "security",
    "firewall-ids-ips",
    "penetration-testing",
    "encryption",
    "infra-architecture",
    "web-servers",
    "middleware",
    "database-design",
    "sql",
    "api-design",
    "java",
    "python",
    "ruby",
    "php",
    "go",
    "nodejs",
    "javascript",
    "typescript",
    "html-css",
    "frameworks",
    "test-automation",
    "ci-cd",
    "software-design",
    "frontend",
    "machine-learning",
    "data-analysis",
    "requirements-definition",
    "documentation",
    "communication",
    "project-management",
    "team-leadership",
    "it-strategy",
    "agile-waterfall",
];
const PREFERENCES: &[&str] = &[
    "stability",
    "feature-development",
    "automation",
    "work-life-balance",
    "management",
    "specialist",
    "high-income",
    "freelance",
];
const WORKPLACES: &[&str] = &["in-house-product", "si", "ses", "user-company"];

fn kb() -> KnowledgeBase {
    KnowledgeBase::builtin()
        .unwrap_or_else(|e| panic!("the shipped knowledge base does not load:\n{e}"))
}

#[test]
fn every_vocabulary_id_exists_with_both_names() {
    let kb = kb();
    for &id in ROLES {
        let r = kb
            .find_role(id)
            .unwrap_or_else(|| panic!("role {id} missing"));
        let role = kb.role(r);
        assert_eq!(role.id, id, "{id} must be an id, not only an alias");
        assert!(!role.name.ja.is_empty() && !role.name.en.is_empty());
    }
    assert_eq!(
        kb.find_role("server-side-engineer")
            .map(|r| kb.role(r).id.as_str()),
        Some("backend-engineer")
    );
    for &id in PHASES {
        assert!(kb.catalogs.phases.find(id).is_some(), "phase {id} missing");
    }
    for &id in CERTS {
        assert!(
            kb.catalogs.certifications.find(id).is_some(),
            "certification {id} missing"
        );
    }
    for &id in SKILLS {
        assert!(kb.catalogs.skills.find(id).is_some(), "skill {id} missing");
    }
    for &id in PREFERENCES {
        assert!(
            kb.catalogs.preferences.find(id).is_some(),
            "preference {id} missing"
        );
    }
    for &id in WORKPLACES {
        assert!(
            kb.catalogs.workplaces.find(id).is_some(),
            "workplace {id} missing"
        );
    }
}

#[test]
fn the_shipped_knowledge_base_validates_without_warnings() {
    let v = careergraph::knowledge::validate(careergraph::knowledge::builtin_sources());
    assert!(
        v.diagnostics.is_empty(),
        "{}",
        careergraph::diagnostics::render(&v.diagnostics, false)
    );
}

/// Every `source` of the shipped knowledge base names an entry of its registry (`validate`
/// checks each one; this checks the registry is there and holds what readers need).
#[test]
fn every_fact_cites_an_entry_of_the_registry() {
    use careergraph::knowledge::format::SourceKind;
    let kb = kb();
    assert!(
        kb.has_registry,
        "the shipped knowledge base has a `sources` registry"
    );
    let mut sources: Vec<&str> = Vec::new();
    for r in &kb.roles {
        sources.push(&r.source);
        sources.extend(r.requirements.iter().map(|q| q.source.as_str()));
        sources.extend(r.incomes.iter().map(|i| i.source.as_str()));
        sources.extend(r.certifications.iter().map(|h| h.source.as_str()));
    }
    sources.extend(kb.skills.iter().map(|s| s.source.as_str()));
    sources.extend(kb.certifications.iter().map(|c| c.source.as_str()));
    sources.extend(kb.transitions.iter().map(|t| t.source.as_str()));
    sources.extend(kb.rules.iter().map(|r| r.source.as_str()));
    for s in sources {
        assert!(kb.source(s).is_some(), "source `{s}` is not a registry id");
    }
    // The five articles the knowledge base is built from, each with the address of the article.
    let seeds: Vec<_> = kb
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::Seed)
        .collect();
    assert_eq!(seeds.len(), 5, "five seeds");
    for s in seeds {
        assert!(s.is_web() && !s.title.ends_with(".txt"), "{s:?}");
    }
    // The scoring parameters are careergraph's design, and say so.
    let design = kb.source(&kb.scoring.source).map(|s| s.kind);
    assert_eq!(design, Some(SourceKind::Design));
    assert_eq!(kb.scoring.source, "careergraph-design");
}

#[test]
fn the_seeds_income_figures_are_encoded() {
    let kb = kb();
    let headline = |role: &str, e| {
        let r = kb.find_role(role).expect("role");
        kb.role(r)
            .incomes
            .iter()
            .filter(|i| i.employment == e)
            .filter_map(|i| i.average)
            .collect::<Vec<f64>>()
    };
    use careergraph::knowledge::format::Employment::{Employee, Freelance};
    // Levtech, November 2025 (seed 000)
    for (role, employee, freelance) in [
        ("server-engineer", 389.0, 791.0),
        ("network-engineer", 401.0, 814.0),
        ("cloud-engineer", 458.0, 907.0),
        ("security-engineer", 436.0, 881.0),
        ("systems-engineer", 417.0, 753.0),
    ] {
        assert!(
            headline(role, Employee).contains(&employee),
            "{role} employee {employee}"
        );
        assert!(
            headline(role, Freelance).contains(&freelance),
            "{role} freelance {freelance}"
        );
    }
}
