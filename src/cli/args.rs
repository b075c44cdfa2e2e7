//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::graph::{MAX_HOPS, MAX_K};
use crate::planning::routes::MAX_CANDIDATES;

/// Rule-based IT career recommendations for Japan's IT market: next roles, gaps to a target role,
/// and routes between roles, each explained and sourced.
#[derive(Debug, Parser)]
#[command(name = "careergraph", version, about, long_about = None, after_help = format!(
    "Input limits: a profile is at most {} MiB and a rule file at most {} MiB; JSON nested \
     deeper than 128 levels is refused; a profile or knowledge base reports its first {} \
     problems in full and counts the rest; paths: 1 <= k <= {MAX_K}, at most {MAX_HOPS} steps. \
     Input past a limit is an error (exit 2), never cut silently.",
    crate::cli::MAX_PROFILE_BYTES >> 20,
    crate::knowledge::MAX_FILE_BYTES >> 20,
    crate::diagnostics::MAX_DIAGNOSTICS,
))]
pub struct Cli {
    /// Output format: text, json or markdown; graph also writes dot, mermaid and svg (each
    /// command's help lists the formats it writes).
    #[arg(long, global = true, value_enum, default_value_t = Format::Text,
          hide_possible_values = true, value_name = "FORMAT")]
    pub format: Format,
    /// The language of text output: names, headings and messages (JSON is the same in both)
    /// [default: from the locale: LC_ALL, LC_MESSAGES, then LANG; `ja…` is Japanese, anything
    /// else English].
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::lang::Lang>,
    /// When to colour text output and diagnostics: `auto` colours each of standard output and
    /// standard error when it is a terminal and NO_COLOR is unset or empty.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Whether diagnostics on standard error are coloured. Not an argument: the binary sets it
    /// from `--color` (`auto`: standard error is a terminal and NO_COLOR is unset or empty);
    /// [`crate::cli::run`] leaves diagnostics plain unless it is set.
    #[arg(skip)]
    pub colour_diagnostics: bool,
    /// The widest a line of text output may be, in columns: tables narrow and long lines wrap
    /// to fit [default: $COLUMNS, else the terminal's width, else 80].
    #[arg(long, global = true, value_name = "COLUMNS",
          value_parser = clap::value_parser!(u16).range(40..=1000))]
    pub width: Option<u16>,
    /// Load the knowledge base from this directory of *.json rule files instead of the one
    /// shipped inside the binary (it is validated first).
    #[arg(long, global = true, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The vocabularies whose ids `careergraph ids` lists (for shell completion).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IdKind {
    /// Role ids (`--target`, `--role`, `--from`, `--to`, `role ID`).
    Roles,
    /// Skill ids (`--assume skill:ID=LEVEL`).
    Skills,
    /// Certification ids (`--assume cert:ID`).
    Certs,
    /// Work-phase ids (`--assume phase:ID+YEARS`).
    Phases,
    /// Preference tags.
    Preferences,
}

/// When to colour text output (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when the stream is a terminal and NO_COLOR is unset or empty.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl Cli {
    /// How text output is written: the language (English when `--lang` is not given) and
    /// whether to colour (only with `--color always`; the binary resolves `auto`); without a
    /// registry: a command adds its knowledge base's with
    /// [`crate::report::Options::citing`].
    pub fn options(&self) -> crate::report::Options<'static> {
        crate::report::Options {
            lang: self.lang.unwrap_or_default(),
            colour: self.color == ColorChoice::Always && self.format != Format::Markdown,
            markdown: self.format == Format::Markdown,
            width: self.width.map_or(crate::report::DEFAULT_WIDTH, usize::from),
            ..crate::report::Options::default()
        }
    }
}

/// Output formats. Every command writes `text`; most write `json`; the pictures (`dot`,
/// `mermaid`, `svg`) are `graph`'s. A command given a format it does not write fails with exit 2
/// and names the formats it does write ([`Command::formats`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text and tables.
    Text,
    /// JSON (stable field names; see docs/reference/json.md).
    Json,
    /// Graphviz DOT (`graph` only).
    Dot,
    /// A Mermaid flowchart, which GitHub renders in Markdown (`graph` only).
    Mermaid,
    /// An SVG image (`graph` only).
    Svg,
    /// GitHub Markdown: `##` headings, tables and lists, for a wiki or a pull request (`roles`,
    /// `role`, `certs`, `skills`, `preferences`, `sources`, `recommend`, `gaps`, `paths`,
    /// `explain`, `income`, `rate`, `jobs`).
    Markdown,
}

impl Format {
    /// The name as written on the command line.
    pub fn name(self) -> String {
        self.to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_string())
    }
}

impl Command {
    /// The command's name as typed (`recommend`, `graph` …).
    pub fn name(&self) -> String {
        // The variant's name, from its Debug form (`Recommend { .. }` → `recommend`).
        let debug = format!("{self:?}");
        let variant: String = debug
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let mut out = String::new();
        for (i, c) in variant.chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    }

    /// The formats this command writes.
    pub fn formats(&self) -> &'static [Format] {
        super::help::formats_of(&self.name())
    }
}

/// A count of at least 1 (`--top`): 0 would show nothing and read as "nothing is reachable".
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("0 would show nothing; give 1 or more".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(format!("{e}; give a whole number, 1 or more")),
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Rank the next roles for a profile (from its current role, or the entry roles).
    Recommend {
        /// Profile JSON file, or `-` for standard input.
        profile: String,
        /// Show at most this many roles (1 or more).
        #[arg(long, value_name = "N", value_parser = at_least_one)]
        top: Option<usize>,
        /// Look this many steps ahead from the current role (1 or 2).
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=2))]
        steps: u8,
        /// What-if: add a hypothetical fact and show the difference (repeatable):
        /// `skill:ID=LEVEL`, `cert:ID`, `phase:ID+YEARS`, `phase:ID=YEARS`, `years+YEARS`,
        /// `years=YEARS`, `management+YEARS`.
        #[arg(long, value_name = "FACT")]
        assume: Vec<String>,
    },
    /// Why a role fits a profile as it does: every term of the score, and every rule about the
    /// role, matched or not, as a tree with what each condition expects and what the profile has.
    Explain {
        /// Profile JSON file, or `-` for standard input.
        profile: String,
        /// The role to explain (see `careergraph roles`).
        #[arg(long, value_name = "ROLE")]
        role: String,
    },
    /// What stands between a profile and a target role, as a plan.
    Gaps {
        /// Profile JSON file, or `-` for standard input.
        profile: String,
        /// The target role id (see `careergraph roles`).
        #[arg(long, value_name = "ROLE")]
        target: String,
        /// What-if: add a hypothetical fact and show the difference (repeatable):
        /// `skill:ID=LEVEL`, `cert:ID`, `phase:ID+YEARS`, `phase:ID=YEARS`, `years+YEARS`,
        /// `years=YEARS`, `management+YEARS`.
        #[arg(long, value_name = "FACT")]
        assume: Vec<String>,
    },
    /// The k best routes between two roles, or (without --to) where a role leads.
    #[command(after_help = format!(
        "Bounds: 1 <= k <= {MAX_K}; a route has at most {MAX_HOPS} steps; with --profile each \
         of the search's two orderings yields at most {MAX_CANDIDATES} candidate routes. Cost is \
         in years: a step costs the transition's typical years or, with --profile, what it takes \
         this person: the time to close the gaps of the role reached (skills, certification \
         study, practice; optional skills in part) or to wait for its experience, then the move \
         itself, plus what an unmet condition of the move adds, following the person along the \
         route."
    ))]
    Paths {
        /// Start role id.
        #[arg(long, value_name = "ROLE")]
        from: String,
        /// Goal role id; without it, list the roles reachable within --steps steps.
        #[arg(long, value_name = "ROLE")]
        to: Option<String>,
        /// Number of routes (1 to 20).
        #[arg(short, default_value_t = crate::planning::routes::DEFAULT_K)]
        k: usize,
        /// Without --to: how many steps ahead to look (1 to 8) [default: 2]. With --to it is
        /// refused: a route has at most 8 steps.
        #[arg(long, value_name = "N")]
        steps: Option<usize>,
        /// Price the routes for this profile (JSON file, or `-` for standard input).
        #[arg(long, value_name = "PROFILE")]
        profile: Option<String>,
        /// What-if: add a hypothetical fact and show the difference (needs --profile) (repeatable):
        /// `skill:ID=LEVEL`, `cert:ID`, `phase:ID+YEARS`, `phase:ID=YEARS`, `years+YEARS`,
        /// `years=YEARS`, `management+YEARS`.
        #[arg(long, value_name = "FACT")]
        assume: Vec<String>,
    },
    /// Recommend for many profiles: one profile JSON per line in, one JSON record per line out.
    #[command(after_help = format!(
        "Each input line gives exactly one output line, in input order: \
         {{\"line\": N, \"status\": \"ok\", …}} with what `recommend --format json --top N` \
         prints for that profile (N is --top, {} unless told), in a machine shape: no texts \
         (--texts none: names, reasons and notes as ids and codes; the names are in \
         `careergraph roles|skills|certs --format json`), no `other_certifications` (unless \
         --other-certifications) and no `sources` list (the same registry entries for every \
         line: `careergraph sources --format json` lists them all); `careergraph schema batch` \
         is the schema of a record; {{\"line\": N, \"status\": \"error\", \"errors\": […]}} for a line that \
         is not a valid profile (malformed JSON, unknown id, value out of range, a line longer \
         than the limit of {} bytes), and the run goes on; {{\"line\": N, \"status\": \"blank\"}} for an empty \
         or whitespace-only line (not counted as failed). With --brief, an ok record is \
         {{\"line\": N, \"status\": \"ok\", \"recommendations\": [{{\"role\", \"score\", \"fit\", \
         \"readiness\", \"months_to_ready\", \"essential_gaps\": [skill ids]}}, …]}}: the same \
         roles in the same order as the full record, without gaps, reasons, certification plans \
         or incomes, and many times faster. Output is always JSON Lines (--format \
         does not apply). A summary goes to standard error, with a \
         progress bar when it is a terminal. When the input is not a regular file (a pipe, a \
         terminal), or with --line-buffered, each record is written out as soon as it is ready, \
         so a caller can feed one line and wait for its record. The output file (-o) may not be \
         the input; it is written to a temporary file beside it and renamed into place when the \
         run succeeds.\n\nExit status: 0 when every line was scored (or blank), 2 when any \
         line failed or the input cannot be read, 3 when the output cannot be written, 130 or \
         143 when interrupted (SIGINT, SIGTERM): the output file is then left as it was.",
        crate::batch::DEFAULT_TOP,
        crate::batch::MAX_LINE_BYTES,
    ))]
    Batch {
        /// JSON Lines file, one profile per line, or `-` for standard input.
        #[arg(default_value = "-", value_name = "INPUT.jsonl")]
        input: String,
        /// Write the records to this file instead of standard output.
        #[arg(short, long, value_name = "OUTPUT.jsonl")]
        output: Option<PathBuf>,
        /// Keep at most this many roles per profile (at least 1).
        #[arg(long, value_name = "N", default_value_t = crate::batch::DEFAULT_TOP,
              value_parser = at_least_one)]
        top: usize,
        /// Keep every role reachable (instead of the top N).
        #[arg(long, conflicts_with = "top")]
        all: bool,
        /// Look this many steps ahead from the current role (1 or 2).
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=2))]
        steps: u8,
        /// Worker threads [default: the number of cores].
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
        jobs: Option<u16>,
        /// Brief records for population matching: per role only its id, score, fit, readiness,
        /// months to ready and essential skill gaps (no explanations); ranked as the full records.
        #[arg(long)]
        brief: bool,
        /// The texts a full record carries: none (ids, numbers and codes; names from
        /// `careergraph roles|skills|certs --format json`), one language as plain strings, or
        /// both as `{"ja", "en"}` objects (the records before this option).
        #[arg(long, value_enum, default_value_t = crate::shape::Texts::None, value_name = "TEXTS")]
        texts: crate::shape::Texts,
        /// List each role's `other_certifications` (the certifications that help but are not in
        /// its plan); left out by default.
        #[arg(long)]
        other_certifications: bool,
        /// Write each record as soon as it is ready (the default when the input is not a regular
        /// file), not in large blocks.
        #[arg(long)]
        line_buffered: bool,
    },
    /// Estimated income (employee and freelance) in the current role and each recommended role,
    /// with the factors that moved it and their sources.
    Income {
        /// Profile JSON file, or `-` for standard input.
        profile: String,
        /// Show this many recommended roles.
        #[arg(long, value_name = "N", default_value_t = 5)]
        top: usize,
    },
    /// A freelance monthly rate range (万円/月) from the role, skills and years per phase, with
    /// what drives it and the sources' ranges.
    Rate {
        /// Profile JSON file, or `-` for standard input.
        profile: String,
    },
    /// Job postings ranked by fit, with the gaps per posting and the rate to expect.
    Jobs {
        /// Profile JSON file, or `-` for standard input.
        profile: String,
        /// A postings file (`{"postings": [...]}`, see rules/README.md#postings); without it,
        /// the shipped postings.
        #[arg(long, value_name = "FILE")]
        postings: Option<std::path::PathBuf>,
        /// Show at most this many postings (1 or more).
        #[arg(long, value_name = "N", default_value_t = 10, value_parser = at_least_one)]
        top: usize,
    },
    /// One self-contained HTML page (no network, no scripts): the profile, the ranked
    /// recommendations with fit bars, the gap chart and certification plan for the target, the
    /// route map and the income estimates. The page is always HTML (--format does not apply).
    Report {
        /// Profile JSON file, or `-` for standard input.
        profile: String,
        /// The target role of the gap chart, certification plan and route [default: the top
        /// recommendation].
        #[arg(long, value_name = "ROLE")]
        target: Option<String>,
        /// Write the page to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the roles.
    Roles,
    /// Show one role: requirements, experience, certifications, incomes, transitions, sources.
    Role {
        /// Role id.
        id: String,
    },
    /// List the certifications with their order and study hours.
    Certs,
    /// List the skills.
    Skills,
    /// List the sources the knowledge base cites: id, kind, year and title (`--format json`
    /// adds the publisher, address, date and note).
    #[command(
        after_help = "Kinds: seed (the five source articles), issuer (an issuer's or a \
                      government's own page), survey (a survey or statistics), media (news, major \
                      media), third-party (an article, blog, school, reseller, forum or personal \
                      repository), design (careergraph's own design choices). Text and Markdown \
                      output cite a source as `[n] title — publisher (year) URL`; JSON keeps \
                      each `source` field's id and lists the entries it names under `sources`."
    )]
    Sources,
    /// List the preference tags a profile may use.
    Preferences,
    /// Draw the career graph: roles by family, coloured by fit with --profile, the best route to
    /// --to highlighted. `--format dot|mermaid|svg` gives a picture; text and json list it.
    #[command(
        after_help = "The README's picture: careergraph graph --format svg --profile \
                      profiles/infra-4y-ccna.json --to it-architect > docs/career-graph.svg"
    )]
    Graph {
        /// Colour the roles by this profile's fit (JSON file, or `-` for standard input); its
        /// current role starts the route to --to.
        #[arg(long, value_name = "PROFILE")]
        profile: Option<String>,
        /// Highlight the best route to this role (from --from, or the profile's current role).
        #[arg(long, value_name = "ROLE")]
        to: Option<String>,
        /// Start the route here instead of at the profile's current role.
        #[arg(long, value_name = "ROLE", requires = "to")]
        from: Option<String>,
    },
    /// Print the JSON Schema of a profile or of a knowledge-base file (for editors; shipped in
    /// `schemas/`).
    #[command(
        after_help = "Regenerate the shipped files with:\n  careergraph schema profile > \
                            schemas/profile.schema.json\n  careergraph schema rules > \
                            schemas/rules.schema.json"
    )]
    Schema {
        /// Which file format.
        #[arg(value_enum)]
        kind: crate::schema::Kind,
    },
    /// Print a shell completion script (e.g. `careergraph completions bash >
    /// ~/.local/share/bash-completion/completions/careergraph`).
    #[command(after_help = "Install:\n  bash: careergraph completions bash > \
                            ~/.local/share/bash-completion/completions/careergraph\n  zsh:  \
                            careergraph completions zsh > ~/.zfunc/_careergraph (with \
                            ~/.zfunc in fpath)\n  fish: careergraph completions fish > \
                            ~/.config/fish/completions/careergraph.fish")]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `careergraph man > careergraph.1; man -l careergraph.1`.
    Man,
    /// The ids of one vocabulary, one per line, for the completion scripts (hidden).
    #[command(hide = true)]
    Ids {
        /// Which ids.
        #[arg(value_enum)]
        kind: IdKind,
    },
    /// Check a knowledge base and report every problem.
    #[command(
        after_help = "Exit status: 0 when there is no error (warnings allowed), 1 when \
                            there are errors (or warnings with --deny-warnings), 2 when the files \
                            cannot be read."
    )]
    Validate {
        /// Treat warnings as errors.
        #[arg(long)]
        deny_warnings: bool,
    },
}
