// Scratch: a quick core-level simulated athlete (not committed).
use backbone_core::adapt::{Served, adapt_served};
use backbone_core::catalog::Catalog;
use backbone_core::log::{Checkin, SessionLog, SetLog};
use backbone_core::profile::Profile;
use jiff::ToSpan;

fn pct(reps: f64, rpe: f64) -> f64 {
    let x = (10.0 - rpe) + (reps - 1.0);
    if x <= 2.92 {
        (0.347619 * x * x - 4.60714 * x + 99.9667) / 100.0
    } else if x >= 16.0 {
        0.5
    } else {
        (-2.64249 * x + 97.0955) / 100.0
    }
}
fn max_reps(frac: f64) -> f64 {
    // invert pct at rpe 10
    let mut r = 1.0;
    while r < 60.0 && pct(r + 0.1, 10.0) >= frac {
        r += 0.1;
    }
    if frac > 1.0 { 0.0 } else { r }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).unwrap();
    let growth: f64 = args.get(2).map_or(0.008, |g| g.parse().unwrap());
    let pain_week: i64 = args.get(3).map_or(0, |g| g.parse().unwrap());
    let profile = Profile::parse(&text, &args[1]).unwrap();
    let cat = Catalog::builtin();
    let bw = profile.body_weight_kg.unwrap_or(75.0);
    let mut logs: Vec<SessionLog> = vec![];
    let mut served: Vec<Served> = vec![];
    let mut cursor = profile.start;
    let end = profile.start.saturating_add((16 * 7).days());
    let ratio = |id: &str| -> f64 {
        match id {
            "barbell-row" | "bent-over-row" | "pendlay-row" => 0.9,
            "deadlift" => 1.6,
            "romanian-deadlift" => 1.2,
            "one-arm-dumbbell-row" => 0.45,
            "lat-pulldown" | "cable-row" | "neutral-grip-pulldown" => 0.8,
            "reverse-dumbbell-fly" | "chest-supported-reverse-fly" => 0.12,
            "cable-face-pull" => 0.3,
            "hip-thrust" => 1.4,
            "farmer-carry" => 0.5,
            "weighted-pull-up" => 1.5,
            _ => 0.4,
        }
    };
    let mut painful: Option<String> = None;
    while cursor < end {
        let a = adapt_served(&profile, &logs, &served, cursor).unwrap();
        let next = a.next.unwrap();
        let day = next.session.date;
        if day >= end {
            break;
        }
        let a = adapt_served(&profile, &logs, &served, day).unwrap();
        let next = a.next.unwrap();
        let week = a.plan.weeks.iter().find(|w| w.sessions.iter().any(|s| s.date == day)).unwrap();
        served.retain(|s| s.session.date != day);
        served.push(Served { session: next.session.clone(), deload: week.deload, served_on: day });
        let weeks = ((day - profile.start).get_days() / 7) as f64;
        let g = (1.0 + growth).powf(weeks);
        let mut sets = vec![];
        let mut line = format!("{day} w{} {:<11}", week.index, week.block.emphasis.as_str());
        for m in &next.session.main {
            let ex = cat.get(&m.exercise).unwrap();
            let loaded = ex.load.is_some();
            let true_1rm = bw * ratio(&m.exercise) * g;
            let load = if loaded { Some(m.load_kg.unwrap_or((true_1rm * 0.6 / 2.5).floor() * 2.5)) } else { None };
            let pain_now = pain_week > 0
                && weeks as i64 == pain_week - 1
                && painful.is_none()
                && ex.patterns.iter().any(|p| p.as_str() == "vertical_pull");
            if pain_now {
                painful = Some(m.exercise.to_string());
            }
            let mut done = vec![];
            for i in 0..m.sets {
                let fatigue = 1.0 - 0.02 * i as f64;
                if let Some(target) = m.reps.map(|r| r.target) {
                    let possible = match load {
                        Some(l) => {
                            let total = if ex.adds_to_body { l + bw } else { l };
                            let m1 = if ex.adds_to_body { (bw + bw * 0.5) * g } else { true_1rm };
                            max_reps(total / (m1 * fatigue))
                        }
                        None => {
                            let cap = if m.exercise == "pull-up" { 10.0 } else { 20.0 };
                            cap * g * fatigue
                        }
                    };
                    let reps = (target as f64).min(possible.floor()).max(0.0) as u32;
                    let rpe = (10.0 - (possible - reps as f64)).clamp(5.0, 10.0);
                    let rpe = (rpe * 2.0).round() / 2.0;
                    done.push(format!("{reps}@{rpe}"));
                    sets.push(SetLog {
                        reps: Some(reps.max(1)),
                        load_kg: load,
                        rpe: Some(rpe),
                        quality: Some(4),
                        pain: Some(if pain_now { 6 } else { 0 }),
                        ..SetLog::new(ex.id.as_str())
                    });
                    if pain_now {
                        break;
                    }
                } else {
                    sets.push(SetLog {
                        seconds: m.seconds,
                        load_kg: load,
                        rpe: Some(7.0),
                        quality: Some(4),
                        ..SetLog::new(ex.id.as_str())
                    });
                }
            }
            let ideal = if loaded {
                m.reps.map(|r| {
                    let t = if ex.adds_to_body {
                        (bw * 1.5 * g) * pct(r.target as f64, m.rpe) - bw
                    } else {
                        true_1rm * pct(r.target as f64, m.rpe)
                    };
                    t
                })
            } else {
                None
            };
            line.push_str(&format!(
                "\n   {:<28} {}x{:?} rpe{} load {:?} ideal {:.1} -> {} why {:?}",
                m.exercise,
                m.sets,
                m.reps.map(|r| (r.min, r.max, r.target)),
                m.rpe,
                m.load_kg,
                ideal.unwrap_or(0.0),
                done.join(","),
                m.why.join(",")
            ));
        }
        for n in &next.notices {
            line.push_str(&format!("\n   ! [{}] {}", n.rule, n.text));
        }
        println!("{line}");
        logs.push(SessionLog {
            id: format!("s{day}"),
            date: day,
            sets,
            checkin: Some(Checkin {
                soreness: Some(3),
                sleep_hours: Some(7.5),
                stress: Some(3),
                energy: Some(7),
                ache: None,
            }),
            ..Default::default()
        });
        cursor = day.saturating_add(1.days());
    }
}
