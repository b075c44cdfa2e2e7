//! Compiling rule conditions and effects: resolving their ids and checking their numbers.

use super::context::{Ctx, Loc};
use crate::rules::{Condition, ConditionDef, Effect, EffectDef};

impl Ctx<'_> {
    /// Compiles a condition; `None` when some id or number in it is wrong (reported).
    pub fn condition(&mut self, loc: &Loc, def: &ConditionDef) -> Option<Condition> {
        let many = |ctx: &mut Self, key: &str, cs: &[ConditionDef]| -> Option<Vec<Condition>> {
            let out: Vec<Option<Condition>> = cs
                .iter()
                .enumerate()
                .map(|(i, c)| ctx.condition(&loc.at(key).at(i), c))
                .collect();
            out.into_iter().collect()
        };
        Some(match def {
            ConditionDef::All(cs) => Condition::All(many(self, "all", cs)?),
            ConditionDef::Any(cs) => Condition::Any(many(self, "any", cs)?),
            ConditionDef::Not(c) => Condition::Not(Box::new(self.condition(&loc.at("not"), c)?)),
            ConditionDef::SkillAtLeast { skill, level } => {
                let at = loc.at("skill_at_least");
                let s = self.skill(&at.at("skill"), skill);
                let ok = self.level(&at.at("level"), *level);
                Condition::SkillAtLeast {
                    skill: s.filter(|_| ok)?,
                    level: *level,
                }
            }
            ConditionDef::PhaseYearsAtLeast { phases, years } => {
                let at = loc.at("phase_years_at_least");
                let before = self.problems();
                let ps = self.list(&at.at("phases"), phases, Ctx::phase);
                if phases.is_empty() {
                    self.error(
                        &at.at("phases"),
                        "empty-list",
                        "`phases` is empty".into(),
                        Some("list at least one phase id".into()),
                    );
                }
                self.years(&at.at("years"), *years);
                if self.problems() > before {
                    return None;
                }
                Condition::PhaseYearsAtLeast {
                    phases: ps,
                    years: *years,
                }
            }
            ConditionDef::TotalYearsAtLeast(y) => self
                .years(&loc.at("total_years_at_least"), *y)
                .then_some(Condition::TotalYearsAtLeast(*y))?,
            ConditionDef::ManagementYearsAtLeast(y) => self
                .years(&loc.at("management_years_at_least"), *y)
                .then_some(Condition::ManagementYearsAtLeast(*y))?,
            ConditionDef::TeamSizeAtLeast(n) => Condition::TeamSizeAtLeast(*n),
            ConditionDef::HasCertification(c) => {
                Condition::HasCertification(self.cert(&loc.at("has_certification"), c)?)
            }
            ConditionDef::CurrentRoleIn(ids) => {
                Condition::CurrentRoleIn(self.ids(loc, "current_role_in", ids, Ctx::role)?)
            }
            ConditionDef::CurrentFamilyIn(ids) => {
                Condition::CurrentFamilyIn(self.ids(loc, "current_family_in", ids, Ctx::family)?)
            }
            ConditionDef::Preference(p) => {
                Condition::Preference(self.preference(&loc.at("preference"), p)?)
            }
            ConditionDef::WorkplaceIn(ids) => {
                Condition::WorkplaceIn(self.ids(loc, "workplace_in", ids, Ctx::workplace)?)
            }
            ConditionDef::Employment(e) => Condition::Employment(*e),
            ConditionDef::AgeAtLeast(a) => self
                .range(
                    &loc.at("age_at_least"),
                    *a,
                    0.0,
                    120.0,
                    "age-out-of-range",
                    "age",
                )
                .then_some(Condition::AgeAtLeast(*a))?,
        })
    }

    /// Resolves a non-empty id list inside a condition; `None` if any id is unknown.
    fn ids<T: Ord>(
        &mut self,
        loc: &Loc,
        key: &str,
        ids: &[String],
        f: fn(&mut Self, &Loc, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let before = self.problems();
        let out = self.list(&loc.at(key), ids, f);
        if ids.is_empty() {
            self.error(
                &loc.at(key),
                "empty-list",
                format!("`{key}` is empty, so it can never hold"),
                Some("list at least one id".into()),
            );
        }
        (self.problems() == before).then_some(out)
    }

    /// Compiles an effect.
    pub fn effect(&mut self, loc: &Loc, def: &EffectDef) -> Option<Effect> {
        let before = self.problems();
        let effect = match def {
            EffectDef::Adjust { roles, by } => {
                let at = loc.at("adjust");
                let rs = self.list(&at.at("roles"), roles, Ctx::role);
                if roles.is_empty() {
                    self.error(
                        &at.at("roles"),
                        "empty-list",
                        "`adjust` names no role".into(),
                        Some("list the role ids whose fit it changes".into()),
                    );
                }
                if self.range(
                    &at.at("by"),
                    *by,
                    -1.0,
                    1.0,
                    "adjust-out-of-range",
                    "adjustment",
                ) && *by == 0.0
                {
                    self.error(
                        &at.at("by"),
                        "adjust-out-of-range",
                        "an adjustment of 0 changes nothing".into(),
                        Some(
                            "use a positive number to raise the fit, a negative one to lower it"
                                .into(),
                        ),
                    );
                }
                Effect::Adjust { roles: rs, by: *by }
            }
            EffectDef::Note { roles, text } => {
                let at = loc.at("note");
                let rs = self.list(&at.at("roles"), roles, Ctx::role);
                self.text(&at.at("text"), text);
                Effect::Note {
                    roles: rs,
                    text: text.clone(),
                }
            }
            EffectDef::RecommendCertification {
                roles,
                certification,
            } => {
                let at = loc.at("recommend_certification");
                let rs = self.list(&at.at("roles"), roles, Ctx::role);
                let cert = self.cert(&at.at("certification"), certification);
                Effect::RecommendCertification {
                    roles: rs,
                    cert: cert?,
                }
            }
        };
        (self.problems() == before).then_some(effect)
    }
}
