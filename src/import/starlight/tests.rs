use super::*;

const CONFIG: &str = r#"// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

// title: 'Commented out'
export default defineConfig({
  site: 'https://care.example.org',
  base: '/handbook',
  integrations: [
    starlight({
      /* The firm's name, as clients know it. */
      title: { en: 'Fernhill Client Care', 'fr': "Service client Fernhill" },
      description: 'How Fernhill looks after its clients.',
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        fr: { label: 'Français' },
        'pt-br': { label: 'Português', lang: 'pt-BR' },
        klingon: { label: 'tlhIngan' },
      },
      social: [{ icon: 'github', label: 'GitHub', href: 'https://x.example' }],
      sidebar: [{ label: 'Guides', autogenerate: { directory: 'guides' } }],
    }),
  ],
});
"#;

#[test]
fn the_configuration_is_read_past_comments_and_nested_objects() {
    let config = read_config(CONFIG);
    assert_eq!(config.title, None);
    assert_eq!(
        config.titles.get("fr").map(String::as_str),
        Some("Service client Fernhill")
    );
    assert_eq!(
        config.description.as_deref(),
        Some("How Fernhill looks after its clients.")
    );
    assert_eq!(config.site.as_deref(), Some("https://care.example.org"));
    assert_eq!(config.base.as_deref(), Some("/handbook"));
    assert_eq!(config.default_locale.as_deref(), Some("root"));
    let keys: Vec<&str> = config.locales.iter().map(|l| l.key.as_str()).collect();
    assert_eq!(keys, ["root", "fr", "pt-br", "klingon"]);
    assert_eq!(config.locales[2].lang.as_deref(), Some("pt-BR"));
    assert_eq!(config.unread, ["social", "sidebar"]);
}

#[test]
fn locales_become_languages_and_those_credo_cannot_name_are_left_out() {
    let found = languages(&read_config(CONFIG));
    assert_eq!(found.language.as_deref(), Some("en"));
    assert_eq!(found.default_folder, None);
    assert_eq!(found.title.as_deref(), Some("Fernhill Client Care"));
    let fr = &found.others["fr"];
    assert_eq!(
        (fr.name.as_str(), fr.title.as_deref()),
        ("Français", Some("Service client Fernhill"))
    );
    assert!(found.others.contains_key("pt-br"));
    assert_eq!(found.left_out.len(), 1);
    assert_eq!(found.left_out[0].0, "klingon");

    // A default locale with a folder of its own.
    let config = read_config(
        "starlight({ title: 'Desk', defaultLocale: 'en', locales: { en: { label: 'English' }, de: { label: 'Deutsch', lang: 'de' } } })",
    );
    let english = languages(&config);
    assert_eq!(english.language.as_deref(), Some("en"));
    assert_eq!(english.default_folder.as_deref(), Some("en"));
    assert_eq!(english.title.as_deref(), Some("Desk"));
    // No locales: one language, Starlight's default.
    assert_eq!(
        languages_of("starlight({ title: 'Desk' })"),
        Languages {
            title: Some("Desk".into()),
            ..Languages::default()
        }
    );
}

fn languages_of(js: &str) -> Languages {
    languages(&read_config(js))
}

#[test]
fn site_and_base_make_the_base_url() {
    let s = |text: &'static str| Some(text);
    let owned = |text: &str| Some(text.to_string());
    assert_eq!(
        base_url(s("https://x.example/"), s("/hb")),
        owned("https://x.example/hb/")
    );
    assert_eq!(
        base_url(s("https://x.example"), None),
        owned("https://x.example/")
    );
    assert_eq!(base_url(None, s("hb/")), owned("/hb/"));
    assert_eq!(base_url(None, s("/")), None);
    assert_eq!(base_url(s("x.example"), None), None);
}

fn site(languages: &[&str], default_path: Option<&str>) -> SiteInfo {
    SiteInfo {
        languages: (languages.iter())
            .map(|l| (l.to_string(), Language::default()))
            .collect(),
        default_language_path: default_path.map(str::to_string),
        ..SiteInfo::default()
    }
}

fn meta(yaml: &str) -> Mapping {
    serde_yaml::from_str(yaml).unwrap()
}

#[test]
fn served_urls_are_lower_case_slugs_below_the_locale() {
    let none = Mapping::new();
    let plain = site(&["fr"], None);
    let url = |dest: &str, raw: &Mapping, site: &SiteInfo| served_url(dest, raw, site).unwrap();
    assert_eq!(
        url("content/guides/Example.md", &none, &plain),
        "guides/example"
    );
    assert_eq!(
        url("content/Client Care/First Call!.md", &none, &plain),
        "client-care/first-call"
    );
    assert_eq!(url("content/guides/index.md", &none, &plain), "guides");
    assert_eq!(url("content/index.md", &none, &plain), "");
    assert_eq!(
        url("content/guides/calls.fr.md", &none, &plain),
        "fr/guides/calls"
    );
    assert_eq!(
        url("content/a/x.md", &meta("slug: /welcome/"), &plain),
        "welcome"
    );
    let english = site(&["de"], Some("en"));
    assert_eq!(url("content/a/x.md", &none, &english), "en/a/x");
    assert_eq!(url("content/a/x.de.md", &none, &english), "de/a/x");
}

#[test]
fn old_urls_are_kept_where_credo_serves_the_page_elsewhere() {
    let none = Mapping::new();
    let plain = site(&["fr"], None);
    // Only the case differs: no alias (it would be the page's own file).
    assert!(old_urls("content/guides/Example.md", &none, &plain).is_empty());
    assert!(old_urls("content/guides/calls.md", &none, &plain).is_empty());
    assert_eq!(
        old_urls("content/guides/First Call.md", &none, &plain),
        [("served URL", Ok("/guides/first-call/".to_string()))]
    );
    assert_eq!(
        old_urls("content/a/x.md", &meta("slug: welcome"), &plain),
        [("slug", Ok("/welcome/".to_string()))]
    );
    // A translation's alias is below its language; one outside it is not.
    assert_eq!(
        old_urls("content/a/x.fr.md", &meta("slug: fr/bienvenue"), &plain),
        [("slug", Ok("/bienvenue/".to_string()))]
    );
    assert_eq!(
        old_urls("content/a/x.fr.md", &meta("slug: bienvenue"), &plain),
        [("slug", Err("/bienvenue/".to_string()))]
    );
    // The default locale's folder is gone from credo's URLs.
    let english = site(&[], Some("en"));
    assert_eq!(
        old_urls("content/a/x.md", &none, &english),
        [("served URL", Ok("/en/a/x/".to_string()))]
    );
}

fn converted(yaml: &str, dest: &str, role: Role) -> (Converted, String) {
    let raw = meta(yaml);
    let mut converted = frontmatter::convert(raw.clone(), role);
    let mut text = format!("---\n{yaml}---\nBody.\n");
    front_matter(
        dest,
        Some(role),
        &site(&["fr"], None),
        &raw,
        &mut text,
        &mut converted,
    );
    (converted, text)
}

#[test]
fn sidebar_order_is_a_position_and_hidden_a_draft() {
    let yaml = "title: Calls\nsidebar:\n  order: 2\n  label: Phone\n  hidden: true\ntableOfContents: false\n";
    let (c, _) = converted(yaml, "content/calls.md", Role::Page);
    assert_eq!(c.position, Some(2.0));
    assert_eq!(
        serde_yaml::to_string(&c.meta).unwrap(),
        "title: Calls\ndraft: true\nextra:\n  sidebar:\n    label: Phone\n  tableOfContents: false\n"
    );
    assert!(c.mapped.contains(&("sidebar.order".to_string(), "weight")));
    assert!(c.mapped.contains(&("sidebar.hidden".to_string(), "draft")));
    // All taken: `sidebar` goes from `extra`, and from what was moved there.
    let (c, _) = converted(
        "title: A\nsidebar:\n  order: 1\n",
        "content/a.md",
        Role::Page,
    );
    assert_eq!(serde_yaml::to_string(&c.meta).unwrap(), "title: A\n");
    assert!(c.moved.is_empty());
    // A translation takes its original's place.
    let (c, _) = converted("sidebar:\n  order: 1\n", "content/a.fr.md", Role::Page);
    assert_eq!(c.position, None);
    // A section takes no draft.
    let (c, _) = converted(
        "sidebar:\n  hidden: true\n",
        "content/g/index.md",
        Role::Section,
    );
    assert_eq!(c.meta.get("draft"), None);
}

#[test]
fn the_hero_titles_the_page_and_its_actions_are_links() {
    let yaml = "title: Home\ndescription: Our client credo.\ntemplate: splash\nhero:\n  title: Clients first, always\n  tagline: Eight habits of a Fernhill adviser.\n  actions:\n    - text: Read the credo\n      link: /credo/\n      icon: right-arrow\n    - text: Ask [us]\n      link: https://help.example\n";
    let (c, text) = converted(yaml, "content/index.md", Role::Section);
    assert_eq!(
        c.meta.get("title").and_then(Value::as_str),
        Some("Clients first, always")
    );
    assert_eq!(
        c.meta.get("summary").and_then(Value::as_str),
        Some("Our client credo.")
    );
    let extra = c.meta.get("extra").unwrap();
    assert_eq!(extra.get("title").and_then(Value::as_str), Some("Home"));
    assert!(text.ends_with(
        "---\n[Read the credo](</credo/>) · [Ask \\[us\\]](<https://help.example>)\n\nBody.\n"
    ));
    // Without a description, the tagline is the summary.
    let (c, _) = converted(
        "title: Home\nhero:\n  tagline: Eight habits.\n",
        "content/index.md",
        Role::Section,
    );
    assert_eq!(
        c.meta.get("summary").and_then(Value::as_str),
        Some("Eight habits.")
    );
}

/// An Astro configuration naming Starlight, beside the docs, is Starlight,
/// before the markers an Astro project may carry for other reasons; an
/// Astro site without Starlight, or without the docs, is not.
#[test]
fn starlight_is_recognised_before_other_markers() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join(DOCS)).unwrap();
    std::fs::write(root.join("_config.yml"), "title: old pages\n").unwrap();
    std::fs::write(root.join("astro.config.mjs"), "export default {};\n").unwrap();
    assert_eq!(super::super::detect(root), Generator::Jekyll);
    std::fs::write(
        root.join("astro.config.mts"),
        "import starlight from '@astrojs/starlight';\n",
    )
    .unwrap();
    assert_eq!(super::super::detect(root), Generator::Starlight);
    std::fs::remove_dir_all(root.join("src")).unwrap();
    assert!(!is_starlight(root));
}
