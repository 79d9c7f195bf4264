//! From XML to a small graph: flow nodes (steps or pass-through events and gateways), the lanes
//! they sit in, sequence flows, message flows and the diagram's bounds.

use std::collections::{HashMap, HashSet};

use roxmltree::{Document, Node as XmlNode};

use super::{BpmnError, BPMN_MODEL_NS};

/// The elements that become steps; the bool says the task is done by a system.
const STEP_ELEMENTS: [(&str, bool); 12] = [
    ("task", false),
    ("userTask", false),
    ("manualTask", false),
    ("receiveTask", false),
    ("serviceTask", true),
    ("scriptTask", true),
    ("businessRuleTask", true),
    ("sendTask", true),
    ("subProcess", false),
    ("adHocSubProcess", false),
    ("transaction", false),
    ("callActivity", false),
];

/// Events and gateways: flows are followed through them.
const PASS_ELEMENTS: [&str; 12] = [
    "startEvent",
    "endEvent",
    "intermediateCatchEvent",
    "intermediateThrowEvent",
    "boundaryEvent",
    "implicitThrowEvent",
    "exclusiveGateway",
    "parallelGateway",
    "inclusiveGateway",
    "eventBasedGateway",
    "complexGateway",
    "choreographyTask",
];

/// Titles and names are at most this many characters in Baton.
const MAX_NAME_CHARS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Bounds {
    pub x: f64,
    pub y: f64,
    pub width: f64,
}

#[derive(Debug)]
pub(super) struct FlowNode {
    pub id: String,
    pub name: String,
    /// `Some(automated)` for a step, `None` for an event or gateway.
    pub step: Option<bool>,
    pub lane: usize,
    pub bounds: Option<Bounds>,
}

#[derive(Debug)]
pub(super) struct LaneDef {
    pub name: String,
    pub department: Option<String>,
}

/// One end of a message flow: a flow node, or a whole pool (its lanes).
#[derive(Debug, Clone)]
pub(super) enum End {
    Node(usize),
    Pool(Vec<usize>),
}

#[derive(Debug, Default)]
pub(super) struct Model {
    pub name: String,
    pub nodes: Vec<FlowNode>,
    pub lanes: Vec<LaneDef>,
    pub sequence: Vec<(usize, usize)>,
    pub messages: Vec<(End, End)>,
    pub has_diagram: bool,
    pub assumptions: Vec<String>,
}

fn is_bpmn(node: &XmlNode, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node.tag_name().namespace() == Some(BPMN_MODEL_NS)
}

fn bpmn_children<'a, 'i>(
    node: XmlNode<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = XmlNode<'a, 'i>> {
    node.children().filter(move |c| is_bpmn(c, name))
}

/// A name as Baton stores it: whitespace collapsed (BPMN names often hold line breaks), at most
/// 200 characters, and a readable fallback when the element has none.
fn clean_name(node: &XmlNode, fallback: &str) -> String {
    let raw = node.attribute("name").unwrap_or("");
    let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = if collapsed.is_empty() {
        let id = node.attribute("id").unwrap_or("?");
        format!("{fallback} {id}")
    } else {
        collapsed
    };
    name.chars().take(MAX_NAME_CHARS).collect()
}

fn attr<'a>(node: &XmlNode<'a, '_>, name: &str) -> Result<&'a str, BpmnError> {
    node.attribute(name)
        .ok_or_else(|| BpmnError::MissingAttribute {
            element: node.tag_name().name().to_string(),
            id: node.attribute("id").unwrap_or("?").to_string(),
            attribute: name.to_string(),
        })
}

fn missing(node: &XmlNode, attribute: &str, reference: &str) -> BpmnError {
    BpmnError::MissingReference {
        element: node.tag_name().name().to_string(),
        id: node.attribute("id").unwrap_or("?").to_string(),
        attribute: attribute.to_string(),
        reference: reference.to_string(),
    }
}

pub(super) fn read(bytes: &[u8]) -> Result<Model, BpmnError> {
    let text = std::str::from_utf8(bytes).map_err(|e| BpmnError::NotXml {
        message: format!("it is not UTF-8 text ({e})"),
    })?;
    // roxmltree's defaults refuse DTDs: no entity is ever expanded or fetched.
    let doc = Document::parse(text).map_err(|e| match e {
        roxmltree::Error::DtdDetected => BpmnError::DtdRefused,
        other => BpmnError::NotXml {
            message: other.to_string(),
        },
    })?;
    let root = doc.root_element();
    if !is_bpmn(&root, "definitions") {
        return Err(BpmnError::NotBpmn {
            root: root.tag_name().name().to_string(),
            namespace: root.tag_name().namespace().unwrap_or("").to_string(),
            expected: BPMN_MODEL_NS.to_string(),
        });
    }
    Reader::default().read(root)
}

#[derive(Default)]
struct Reader {
    model: Model,
    node_index: HashMap<String, usize>,
    /// Pool (participant) id -> its lanes.
    pools: HashMap<String, Vec<usize>>,
    /// Every `id` in the file, so a reference to something that is not a flow node (a data
    /// object, a task inside a sub-process) is told from a missing one without a scan each time.
    all_ids: HashSet<String>,
}

impl Reader {
    fn read(mut self, root: XmlNode) -> Result<Model, BpmnError> {
        self.all_ids = root
            .descendants()
            .filter_map(|n| n.attribute("id"))
            .map(str::to_string)
            .collect();
        let processes: Vec<XmlNode> = bpmn_children(root, "process").collect();
        let collaboration = bpmn_children(root, "collaboration").next();
        let participants: Vec<XmlNode> = collaboration
            .map(|c| bpmn_children(c, "participant").collect())
            .unwrap_or_default();
        let several = participants.len() > 1;
        let by_id: HashMap<&str, XmlNode> = processes
            .iter()
            .filter_map(|p| Some((p.attribute("id")?, *p)))
            .collect();
        let mut read_processes = HashSet::new();
        for participant in &participants {
            let pool = clean_name(participant, "Pool");
            let lanes = match participant.attribute("processRef") {
                Some(process_ref) => {
                    let process = by_id
                        .get(process_ref)
                        .ok_or_else(|| missing(participant, "processRef", process_ref))?;
                    // Two pools naming one process would read its nodes twice.
                    if !read_processes.insert(process_ref) {
                        continue;
                    }
                    self.process(*process, &pool, several.then(|| pool.clone()))?
                }
                None => vec![self.lane(pool.clone(), None)],
            };
            if let Some(id) = participant.attribute("id") {
                self.pools.insert(id.to_string(), lanes);
            }
        }
        for process in &processes {
            if !read_processes.contains(process.attribute("id").unwrap_or("")) {
                let name = clean_name(process, "Process");
                self.process(*process, &name, None)?;
            }
        }
        self.model.name = collaboration
            .and_then(|c| c.attribute("name"))
            .or_else(|| processes.iter().find_map(|p| p.attribute("name")))
            .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "Imported BPMN process".to_string())
            .chars()
            .take(MAX_NAME_CHARS)
            .collect();
        if let Some(collaboration) = collaboration {
            for flow in bpmn_children(collaboration, "messageFlow") {
                let source = self.end(&flow, "sourceRef")?;
                let target = self.end(&flow, "targetRef")?;
                self.model.messages.push((source, target));
            }
        }
        self.diagram(root);
        Ok(self.model)
    }

    fn lane(&mut self, name: String, department: Option<String>) -> usize {
        self.model.lanes.push(LaneDef { name, department });
        self.model.lanes.len() - 1
    }

    /// Reads one process: its leaf lanes, flow nodes and sequence flows. Returns its lanes.
    fn process(
        &mut self,
        process: XmlNode,
        pool: &str,
        department: Option<String>,
    ) -> Result<Vec<usize>, BpmnError> {
        let mut leaves = Vec::new();
        for lane_set in bpmn_children(process, "laneSet") {
            collect_leaf_lanes(lane_set, &mut leaves);
        }
        let mut lanes = Vec::new();
        let mut lane_of: HashMap<&str, usize> = HashMap::new();
        if leaves.iter().any(|(_, parents)| !parents.is_empty()) {
            self.model.assumptions.push(format!(
                "Nested lanes of \"{pool}\" became lanes of their own, with the lanes they sit \
                 in as their department."
            ));
        }
        for (leaf, parents) in &leaves {
            let lane = self.lane(
                clean_name(leaf, "Lane"),
                department_of(department.as_deref(), parents),
            );
            lanes.push(lane);
            for node_ref in bpmn_children(*leaf, "flowNodeRef") {
                let id = node_ref.text().unwrap_or("").trim();
                lane_of.insert(id, lane);
            }
        }
        let mut outside: Option<usize> = None;
        let first = self.model.nodes.len();
        for child in process.children().filter(|c| c.is_element()) {
            if child.tag_name().namespace() != Some(BPMN_MODEL_NS) {
                continue;
            }
            let local = child.tag_name().name();
            let step = STEP_ELEMENTS
                .iter()
                .find(|(name, _)| *name == local)
                .map(|(_, automated)| *automated);
            if step.is_none() && !PASS_ELEMENTS.contains(&local) {
                continue;
            }
            let id = attr(&child, "id")?;
            let lane = match lane_of.get(id) {
                Some(lane) => *lane,
                None => match outside {
                    Some(lane) => lane,
                    None => {
                        let name = if leaves.is_empty() {
                            pool.to_string()
                        } else {
                            let name: String = format!("{pool} (no lane)")
                                .chars()
                                .take(MAX_NAME_CHARS)
                                .collect();
                            self.model.assumptions.push(format!(
                                "Elements of \"{pool}\" outside any lane were put in a lane \"{name}\"."
                            ));
                            name
                        };
                        let lane = self.lane(name, department.clone());
                        lanes.push(lane);
                        outside = Some(lane);
                        lane
                    }
                },
            };
            if local.contains("ubProcess") || local == "transaction" {
                self.model.assumptions.push(format!(
                    "Sub-process \"{}\" became one step; its inner tasks were not imported.",
                    clean_name(&child, "Sub-process")
                ));
            }
            let fallback = if step.is_some() { "Task" } else { local };
            self.node_index
                .insert(id.to_string(), self.model.nodes.len());
            self.model.nodes.push(FlowNode {
                id: id.to_string(),
                name: clean_name(&child, fallback),
                step,
                lane,
                bounds: None,
            });
        }
        // A lane's flowNodeRef must name an element of the process.
        for (leaf, _) in &leaves {
            for node_ref in bpmn_children(*leaf, "flowNodeRef") {
                let id = node_ref.text().unwrap_or("").trim();
                // Data objects and artefacts may be listed too: only unknown ids are errors.
                if self.node_index.get(id).is_none_or(|ix| *ix < first)
                    && !self.all_ids.contains(id)
                {
                    return Err(missing(leaf, "flowNodeRef", id));
                }
            }
        }
        // Boundary events continue from the task they are attached to.
        for child in bpmn_children(process, "boundaryEvent") {
            let attached = attr(&child, "attachedToRef")?;
            let from = *self
                .node_index
                .get(attached)
                .ok_or_else(|| missing(&child, "attachedToRef", attached))?;
            if let Some(to) = child.attribute("id").and_then(|id| self.node_index.get(id)) {
                self.model.sequence.push((from, *to));
            }
        }
        for flow in bpmn_children(process, "sequenceFlow") {
            let source = attr(&flow, "sourceRef")?;
            let target = attr(&flow, "targetRef")?;
            let from = self.flow_end(&flow, "sourceRef", source)?;
            let to = self.flow_end(&flow, "targetRef", target)?;
            if let (Some(from), Some(to)) = (from, to) {
                self.model.sequence.push((from, to));
            }
        }
        Ok(lanes)
    }

    /// A sequence flow's end: a known node, `None` for another element of the process (a data
    /// object...), an error when the id is nowhere in the process.
    fn flow_end(
        &self,
        flow: &XmlNode,
        attribute: &str,
        id: &str,
    ) -> Result<Option<usize>, BpmnError> {
        if let Some(ix) = self.node_index.get(id) {
            return Ok(Some(*ix));
        }
        if self.all_ids.contains(id) {
            return Ok(None);
        }
        Err(missing(flow, attribute, id))
    }

    fn end(&self, flow: &XmlNode, attribute: &str) -> Result<End, BpmnError> {
        let id = attr(flow, attribute)?;
        if let Some(ix) = self.node_index.get(id) {
            return Ok(End::Node(*ix));
        }
        if let Some(lanes) = self.pools.get(id) {
            return Ok(End::Pool(lanes.clone()));
        }
        if self.all_ids.contains(id) {
            // Inside a sub-process, or an element that is not a flow node: no lane to speak of.
            return Ok(End::Pool(Vec::new()));
        }
        Err(missing(flow, attribute, id))
    }

    /// Bounds of the flow nodes from BPMNDI shapes (any namespace prefix: matched by local name).
    fn diagram(&mut self, root: XmlNode) {
        for shape in root
            .descendants()
            .filter(|n| n.is_element() && n.tag_name().name() == "BPMNShape")
        {
            let Some(ix) = shape
                .attribute("bpmnElement")
                .and_then(|id| self.node_index.get(id))
            else {
                continue;
            };
            let Some(bounds) = shape
                .children()
                .find(|c| c.is_element() && c.tag_name().name() == "Bounds")
            else {
                continue;
            };
            let number = |name: &str| {
                bounds
                    .attribute(name)
                    .and_then(|v| v.trim().parse::<f64>().ok())
                    .filter(|v| v.is_finite())
            };
            if let (Some(x), Some(y), Some(width)) = (number("x"), number("y"), number("width")) {
                self.model.nodes[*ix].bounds = Some(Bounds { x, y, width });
                self.model.has_diagram = true;
            }
        }
    }
}

/// Leaf lanes of a lane set, in document order: a lane with a child lane set that holds lanes
/// is not a leaf; its children are. Iterative, so deeply nested lanes cannot exhaust the stack.
/// The leaf lanes of a lane set in document order, each with the names of the lanes it is
/// nested in (outermost first).
fn collect_leaf_lanes<'a, 'i>(
    lane_set: XmlNode<'a, 'i>,
    leaves: &mut Vec<(XmlNode<'a, 'i>, Vec<String>)>,
) {
    let mut stack: Vec<(XmlNode<'a, 'i>, Vec<String>)> = bpmn_children(lane_set, "lane")
        .map(|lane| (lane, Vec::new()))
        .collect();
    stack.reverse();
    while let Some((lane, parents)) = stack.pop() {
        let children: Vec<XmlNode> = bpmn_children(lane, "childLaneSet")
            .flat_map(|set| bpmn_children(set, "lane"))
            .collect();
        if children.is_empty() {
            leaves.push((lane, parents));
        } else {
            let mut path = parents;
            path.push(clean_name(&lane, "Lane"));
            stack.extend(children.into_iter().rev().map(|c| (c, path.clone())));
        }
    }
}

/// A leaf lane's department: its pool's name when the file has several pools, then the lanes
/// it is nested in, joined by " / "; `None` when there is neither.
fn department_of(pool: Option<&str>, parents: &[String]) -> Option<String> {
    let parts: Vec<&str> = pool
        .into_iter()
        .chain(parents.iter().map(String::as_str))
        .collect();
    if parts.is_empty() {
        return None;
    }
    Some(parts.join(" / ").chars().take(MAX_NAME_CHARS).collect())
}
