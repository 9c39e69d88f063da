//! Yew components. Each file holds one component; state lives in `crate::state`, behaviour in
//! `hooks`.

mod app;
mod card;
mod card_list;
pub mod hooks;
mod motion;
mod reader;
mod ready;
mod rich_text;
mod share;
mod status;
mod toolbar;

pub use app::{App, AppProps};
pub use card::{Card, CardProps};
pub use card_list::{CardList, CardListProps};
pub use motion::{Carousel, MotionProps, Ticker};
pub use reader::{Reader, ReaderProps};
pub use ready::{ready, ReadyProps};
pub use rich_text::article_body;
pub use status::{ErrorState, ErrorStateProps, Notice, NoticeProps, Skeleton, SkeletonProps};
pub use toolbar::{Toolbar, ToolbarProps};
